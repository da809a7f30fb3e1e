-- Plein's foundation: areas, accounts, projects, proposals, variants, comments, supports.
-- All geometry is stored in EPSG:4326 (lon/lat); analysis transforms it as needed.
-- PostGIS itself is created by the application before migrations run (it needs a superuser).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Boundary sets are versioned ("generations"): loading new boundaries adds a set, never
-- overwrites one, so references from accounts and proposals stay meaningful.
CREATE TABLE area_sets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL DEFAULT 'neighbourhood',
    source      text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name)
);

CREATE TABLE areas (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_set_id bigint      NOT NULL REFERENCES area_sets (id),
    code        text        NOT NULL,
    name        text        NOT NULL,
    -- NULL means unknown or secret: it is never read as zero.
    population  integer     CHECK (population IS NULL OR population >= 0),
    geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    UNIQUE (area_set_id, code)
);
CREATE INDEX areas_geom_idx ON areas USING gist (geom);

CREATE TABLE accounts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    display_name   text        NOT NULL,
    role           text        NOT NULL DEFAULT 'resident'
                   CHECK (role IN ('resident', 'moderator', 'planner', 'admin')),
    -- A resident's home is kept as a neighbourhood, never as an address.
    home_area_id   bigint      REFERENCES areas (id),
    disabled       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_idx ON accounts (lower(email));

-- Only a hash of the session token is stored: a leaked table does not leak sessions.
CREATE TABLE sessions (
    token_hash  bytea       PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE projects (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title              text        NOT NULL,
    summary            text        NOT NULL DEFAULT '',
    area               geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(area)),
    categories         text[]      NOT NULL DEFAULT '{}',
    geometry_kinds     text[]      NOT NULL DEFAULT '{point,line,polygon}'
                       CHECK (geometry_kinds <@ ARRAY['point', 'line', 'polygon']
                              AND cardinality(geometry_kinds) > 0),
    stage              text        NOT NULL DEFAULT 'think'
                       CHECK (stage IN ('think', 'decide', 'carry_out', 'learn')),
    open               boolean     NOT NULL DEFAULT true,
    -- With pre-moderation a proposal stays 'submitted' until a moderator publishes it.
    premoderation      boolean     NOT NULL DEFAULT false,
    created_by         bigint      REFERENCES accounts (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_area_idx ON projects USING gist (area);

-- The schedule of a project's four stages.
CREATE TABLE project_stages (
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    stage       text   NOT NULL CHECK (stage IN ('think', 'decide', 'carry_out', 'learn')),
    starts_on   date,
    ends_on     date,
    PRIMARY KEY (project_id, stage),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE proposals (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint      NOT NULL REFERENCES projects (id),
    author_id       bigint      NOT NULL REFERENCES accounts (id),
    title           text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    category        text,
    geom            geometry(Geometry, 4326) NOT NULL
                    CHECK (ST_IsValid(geom) AND GeometryType(geom) IN
                           ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON')),
    status          text        NOT NULL DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'published', 'under_consideration',
                                      'accepted', 'rejected', 'realised')),
    -- Derived from the boundaries once they exist; never entered by hand.
    area_id         bigint      REFERENCES areas (id),
    support_count   integer     NOT NULL DEFAULT 0 CHECK (support_count >= 0),
    hidden          boolean     NOT NULL DEFAULT false,
    withdrawn       boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search_text     text        GENERATED ALWAYS AS (title || ' ' || description) STORED
);
CREATE INDEX proposals_geom_idx ON proposals USING gist (geom);
CREATE INDEX proposals_project_idx ON proposals (project_id, id);
CREATE INDEX proposals_author_idx ON proposals (author_id);
CREATE INDEX proposals_search_idx ON proposals USING gin (search_text gin_trgm_ops);

-- Every decision on a proposal's status, with its public reason.
CREATE TABLE proposal_decisions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  bigint      NOT NULL REFERENCES proposals (id),
    from_status  text,
    to_status    text        NOT NULL,
    reason       text        NOT NULL CHECK (length(btrim(reason)) > 0),
    decided_by   bigint      REFERENCES accounts (id),
    decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_decisions_proposal_idx ON proposal_decisions (proposal_id, id);

CREATE TABLE variants (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  bigint      NOT NULL REFERENCES proposals (id),
    author_id    bigint      NOT NULL REFERENCES accounts (id),
    title        text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    geom         geometry(Geometry, 4326) NOT NULL
                 CHECK (ST_IsValid(geom) AND GeometryType(geom) IN
                        ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON')),
    hidden       boolean     NOT NULL DEFAULT false,
    withdrawn    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX variants_proposal_idx ON variants (proposal_id, id);

CREATE TABLE comments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  bigint      NOT NULL REFERENCES proposals (id),
    parent_id    bigint      REFERENCES comments (id),
    author_id    bigint      NOT NULL REFERENCES accounts (id),
    body         text        NOT NULL,
    -- A small drawing that points at part of the proposal ("move this path here").
    geom         geometry(Geometry, 4326)
                 CHECK (geom IS NULL OR ST_IsValid(geom)),
    hidden       boolean     NOT NULL DEFAULT false,
    withdrawn    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_proposal_idx ON comments (proposal_id, id);

-- At most one support per person per proposal; the count on proposals follows by trigger,
-- inside the same transaction, so concurrent requests never double-count.
CREATE TABLE supports (
    proposal_id  bigint      NOT NULL REFERENCES proposals (id),
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, account_id)
);
CREATE INDEX supports_account_idx ON supports (account_id);

CREATE FUNCTION supports_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE proposals SET support_count = support_count + 1 WHERE id = NEW.proposal_id;
    ELSE
        UPDATE proposals SET support_count = support_count - 1 WHERE id = OLD.proposal_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER supports_count_trg AFTER INSERT OR DELETE ON supports
    FOR EACH ROW EXECUTE FUNCTION supports_count();

-- Who hid or restored what, and why.
CREATE TABLE moderation_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind  text        NOT NULL CHECK (target_kind IN ('proposal', 'variant', 'comment')),
    target_id    bigint      NOT NULL,
    action       text        NOT NULL CHECK (action IN ('hide', 'restore')),
    reason       text        NOT NULL CHECK (length(btrim(reason)) > 0),
    moderator_id bigint      NOT NULL REFERENCES accounts (id),
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX moderation_log_target_idx ON moderation_log (target_kind, target_id);
