-- Learning from a round. Projects can be rounds of one series ("Park de Heuvel 2024", "… 2026"), so
-- a round's learning report can set it against the rounds before it: which neighbourhoods were
-- missing then, and whether they took part this time. Planners write the lessons of a round.

CREATE TABLE series (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    created_by  bigint      REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A project is a round of at most one series; position orders the rounds (earlier rounds have a
-- lower position), label is how people name the round ("2024", "second round").
CREATE TABLE series_rounds (
    project_id  bigint  PRIMARY KEY REFERENCES projects (id),
    series_id   bigint  NOT NULL REFERENCES series (id),
    label       text    NOT NULL CHECK (length(btrim(label)) > 0),
    position    integer NOT NULL,
    UNIQUE (series_id, position)
);
CREATE INDEX series_rounds_series_idx ON series_rounds (series_id, position);

-- The lessons learned of a round, one entry each, in the order they were written.
CREATE TABLE lessons (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES projects (id),
    text        text        NOT NULL CHECK (length(btrim(text)) > 0),
    author_id   bigint      REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lessons_project_idx ON lessons (project_id, id);
