-- Deciding together: participatory budgeting. A vote belongs to a project's decide stage; its
-- money is split into pots (one per area of a boundary set, plus a city-wide pot); planners admit
-- proposals to the ballot as costed items after a public review; residents vote once each, with
-- an account, a single-use code from a letter, or a paper ballot entered by two members of staff;
-- on closing, each pot's winners are computed by the vote's rule and kept.
-- Amounts are whole euros (or the currency unit of an imported Pabulib instance).

CREATE TABLE votes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint      NOT NULL REFERENCES projects (id),
    title        text        NOT NULL CHECK (length(btrim(title)) > 0),
    description  text        NOT NULL DEFAULT '',
    -- knapsack: choose items whose costs fit the pot; approval: between min_items and max_items
    -- items per pot; cumulative: spread `points` points per pot, at most max_points_per_item on one.
    ballot_type  text        NOT NULL CHECK (ballot_type IN ('knapsack', 'approval', 'cumulative')),
    min_items    integer     NOT NULL DEFAULT 0 CHECK (min_items >= 0),
    max_items    integer     CHECK (max_items IS NULL OR max_items >= greatest(min_items, 1)),
    points       integer     CHECK (points IS NULL OR points > 0),
    max_points_per_item integer CHECK (max_points_per_item IS NULL OR max_points_per_item > 0),
    -- greedy: by votes (points), skipping what no longer fits; equal_shares: the Method of Equal
    -- Shares with cost satisfaction, completed by raising every voter's money one unit at a time
    -- (add1), then greedily (Pabulib: equalshares/add1).
    rule         text        NOT NULL CHECK (rule IN ('greedy', 'equal_shares')),
    -- Pots per area of this set besides the city-wide pot; NULL: the city-wide pot only.
    area_set_id  bigint      REFERENCES area_sets (id),
    opens_at     timestamptz NOT NULL,
    closes_at    timestamptz NOT NULL,
    -- plein: run here; pabulib: an imported instance, read-only, replayed but never open to ballots.
    source       text        NOT NULL DEFAULT 'plein' CHECK (source IN ('plein', 'pabulib')),
    -- An imported instance's META section as it was read (key to value), including its own rule.
    pabulib_meta jsonb,
    -- Set once the results of every pot are computed and kept (vote_results).
    counted_at   timestamptz,
    created_by   bigint      REFERENCES accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at),
    CHECK (ballot_type <> 'cumulative' OR points IS NOT NULL),
    CHECK ((source = 'pabulib') = (pabulib_meta IS NOT NULL))
);
CREATE INDEX votes_project_idx ON votes (project_id);

-- A vote's money: the city-wide pot (area_id NULL) and one pot per area that has a budget.
CREATE TABLE vote_pots (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id  bigint NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    area_id  bigint REFERENCES areas (id),
    name     text   NOT NULL CHECK (length(btrim(name)) > 0),
    budget   bigint NOT NULL CHECK (budget > 0)
);
CREATE UNIQUE INDEX vote_pots_area_idx ON vote_pots (vote_id, area_id) WHERE area_id IS NOT NULL;
CREATE UNIQUE INDEX vote_pots_city_idx ON vote_pots (vote_id) WHERE area_id IS NULL;

-- What is on the ballot: an item admitted after a public feasibility review, with its cost
-- estimate and the public reason, in one pot, keeping the geometry of the proposals it carries.
CREATE TABLE ballot_items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id      bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    pot_id       bigint      NOT NULL REFERENCES vote_pots (id),
    title        text        NOT NULL CHECK (length(btrim(title)) > 0),
    description  text        NOT NULL DEFAULT '',
    cost         bigint      NOT NULL CHECK (cost > 0),
    reason       text        NOT NULL CHECK (length(btrim(reason)) > 0),
    geom         geometry(Geometry, 4326) CHECK (geom IS NULL OR ST_IsValid(geom)),
    -- An imported instance's project_id, and whether the instance records it as selected.
    external_id  text,
    recorded_selected boolean,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ballot_items_vote_idx ON ballot_items (vote_id, pot_id);
CREATE INDEX ballot_items_geom_idx ON ballot_items USING gist (geom);

-- The proposals an item carries: one, or several similar ones merged into one item.
CREATE TABLE ballot_item_proposals (
    item_id      bigint NOT NULL REFERENCES ballot_items (id) ON DELETE CASCADE,
    proposal_id  bigint NOT NULL REFERENCES proposals (id),
    PRIMARY KEY (item_id, proposal_id)
);
CREATE INDEX ballot_item_proposals_proposal_idx ON ballot_item_proposals (proposal_id);

-- The public feasibility review of each proposal considered for a vote: admitted (into an item)
-- or not, always with a public reason.
CREATE TABLE vote_reviews (
    vote_id      bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    proposal_id  bigint      NOT NULL REFERENCES proposals (id),
    admitted     boolean     NOT NULL,
    reason       text        NOT NULL CHECK (length(btrim(reason)) > 0),
    reviewed_by  bigint      REFERENCES accounts (id),
    reviewed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vote_id, proposal_id)
);

-- Single-use voting codes for people without an account or internet, made in batches per area for
-- letters. Only a hash of each code is kept: the codes exist in clear only in the one CSV handed
-- out when the batch is made.
CREATE TABLE voting_code_batches (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id     bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    -- the home area of whoever receives the letters; NULL: the city-wide pot only
    area_id     bigint      REFERENCES areas (id),
    size        integer     NOT NULL CHECK (size > 0),
    created_by  bigint      REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE voting_codes (
    code_hash  bytea       PRIMARY KEY,
    vote_id    bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    batch_id   bigint      NOT NULL REFERENCES voting_code_batches (id) ON DELETE CASCADE,
    used_at    timestamptz
);
CREATE INDEX voting_codes_batch_idx ON voting_codes (batch_id);

-- One row per person who voted, whatever the route: an account (changeable until closing), a code
-- (used once), a paper ballot (counted once a second member of staff confirms it), or a voter of
-- an imported instance. Who cast it (account_id, code_hash) is read only to show voters their own
-- ballot: the public, the results and the exports see ballots without identity, and exports give
-- voters ids drawn at random when the file is written.
CREATE TABLE ballots (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id     bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    channel     text        NOT NULL CHECK (channel IN ('account', 'code', 'paper', 'imported')),
    -- the voter's home area in the vote's boundary set (their area pot); NULL: city-wide only
    area_id     bigint      REFERENCES areas (id),
    account_id  bigint      REFERENCES accounts (id),
    code_hash   bytea       REFERENCES voting_codes (code_hash),
    -- handed to the voter as a receipt; says nothing about who they are
    receipt     text        NOT NULL UNIQUE,
    cast_at     timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((channel = 'account') = (account_id IS NOT NULL))
);
CREATE UNIQUE INDEX ballots_account_idx ON ballots (vote_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX ballots_code_idx ON ballots (code_hash) WHERE code_hash IS NOT NULL;
CREATE INDEX ballots_vote_idx ON ballots (vote_id, area_id);

-- What a ballot chose: an item, with its points (1 for knapsack and approval ballots).
CREATE TABLE ballot_choices (
    ballot_id  bigint  NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    item_id    bigint  NOT NULL REFERENCES ballot_items (id) ON DELETE CASCADE,
    points     integer NOT NULL DEFAULT 1 CHECK (points > 0),
    PRIMARY KEY (ballot_id, item_id)
);
CREATE INDEX ballot_choices_item_idx ON ballot_choices (item_id);

-- Paper ballots as staff type them in: pending until a second member of staff confirms them,
-- and only then a ballot. A paper ballot may carry the code of the letter it came with, which it
-- then uses up, so that one letter yields one vote whichever way it comes back.
CREATE TABLE paper_ballots (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id       bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    area_id       bigint      REFERENCES areas (id),
    code_hash     bytea       REFERENCES voting_codes (code_hash),
    -- [{"itemId": …, "points": …}, …] as entered
    choices       jsonb       NOT NULL,
    entered_by    bigint      NOT NULL REFERENCES accounts (id),
    entered_at    timestamptz NOT NULL DEFAULT now(),
    confirmed_by  bigint      REFERENCES accounts (id),
    confirmed_at  timestamptz,
    ballot_id     bigint      REFERENCES ballots (id) ON DELETE SET NULL,
    CHECK (confirmed_by IS NULL OR confirmed_by <> entered_by),
    CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);
CREATE INDEX paper_ballots_vote_idx ON paper_ballots (vote_id) WHERE confirmed_at IS NULL;

-- The results kept on closing: for each pot and rule, every item with its votes (approvals, or
-- points for cumulative ballots) and, when funded, the order in which the rule funded it.
CREATE TABLE vote_results (
    vote_id    bigint  NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    pot_id     bigint  NOT NULL REFERENCES vote_pots (id) ON DELETE CASCADE,
    rule       text    NOT NULL CHECK (rule IN ('greedy', 'equal_shares')),
    item_id    bigint  NOT NULL REFERENCES ballot_items (id) ON DELETE CASCADE,
    votes      bigint  NOT NULL CHECK (votes >= 0),
    funded_order integer CHECK (funded_order IS NULL OR funded_order > 0),
    PRIMARY KEY (pot_id, rule, item_id)
);
CREATE INDEX vote_results_vote_idx ON vote_results (vote_id, rule);
