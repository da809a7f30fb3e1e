-- Carrying out: what a decision becomes. An accepted proposal or a funded ballot item becomes a
-- work, with the team answering for it, its planned dates, its budget (from the ballot item's cost
-- where there was a vote) and what has been spent, and public steps (design, tender, construction,
-- done) each with a date and a note. A work may get an as-built geometry that differs from what
-- was proposed; the proposed geometry stays with the proposal or ballot item, so both are kept.
-- Amounts are whole euros, as on ballots (V14).

CREATE TABLE works (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint      NOT NULL REFERENCES projects (id),
    -- What it carries out: an accepted proposal, or a funded ballot item (which may itself carry
    -- several proposals, ballot_item_proposals), or both when the item carries that proposal.
    proposal_id   bigint      REFERENCES proposals (id),
    item_id       bigint      REFERENCES ballot_items (id),
    title         text        NOT NULL CHECK (length(btrim(title)) > 0),
    description   text        NOT NULL DEFAULT '',
    -- The team or department that answers for it, as the public should address it.
    team          text        NOT NULL CHECK (length(btrim(team)) > 0),
    planned_start date        NOT NULL,
    planned_end   date        NOT NULL,
    budget        bigint      NOT NULL CHECK (budget >= 0),
    spent         bigint      NOT NULL DEFAULT 0 CHECK (spent >= 0),
    -- What was built, where it differs from what was proposed; NULL: as proposed.
    as_built      geometry(Geometry, 4326)
                  CHECK (as_built IS NULL OR (ST_IsValid(as_built) AND GeometryType(as_built) IN
                         ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'))),
    -- Follows the newest step (work_steps): planned until the first one.
    status        text        NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'design', 'tender', 'construction', 'done', 'cancelled')),
    -- The date of the 'done' step, once there is one.
    finished_on   date,
    created_by    bigint      REFERENCES accounts (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (proposal_id IS NOT NULL OR item_id IS NOT NULL),
    CHECK (planned_end >= planned_start),
    CHECK ((status = 'done') = (finished_on IS NOT NULL))
);
CREATE INDEX works_project_idx ON works (project_id, id);
CREATE UNIQUE INDEX works_item_idx ON works (item_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX works_proposal_idx ON works (proposal_id) WHERE proposal_id IS NOT NULL AND item_id IS NULL;
CREATE INDEX works_as_built_idx ON works USING gist (as_built);

-- A work's public timeline: each step with the date it happened (or is planned) and a note.
CREATE TABLE work_steps (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    work_id     bigint      NOT NULL REFERENCES works (id),
    step        text        NOT NULL CHECK (step IN ('design', 'tender', 'construction', 'done', 'cancelled', 'update')),
    on_date     date        NOT NULL,
    note        text        NOT NULL CHECK (length(btrim(note)) > 0),
    hidden      boolean     NOT NULL DEFAULT false,
    author_id   bigint      REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_steps_work_idx ON work_steps (work_id, on_date, id);

-- Moderation reaches what carrying out and learning add: progress notes, photos, evaluations.
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_kind_check,
    ADD CONSTRAINT moderation_log_target_kind_check
        CHECK (target_kind IN ('proposal', 'variant', 'comment', 'answer', 'work_step', 'photo', 'evaluation'));
