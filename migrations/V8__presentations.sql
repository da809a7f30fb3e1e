-- Presentations: a planner's ordered slides for a public meeting, each a saved map view (extent and
-- layers, validated by nl.plein.presentations.MapView) with a title and a short text.

CREATE TABLE presentations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES projects (id),
    title       text        NOT NULL CHECK (length(btrim(title)) > 0),
    created_by  bigint      REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX presentations_project_idx ON presentations (project_id, id);

-- Positions run 1..n without gaps. Every change to a presentation's slides first locks the
-- presentation's row, so appends, deletes and reorders of one presentation happen one at a time.
-- The unique constraint is deferrable (checked at the end of each statement, not per row), so
-- one UPDATE can swap positions.
CREATE TABLE slides (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    presentation_id  bigint      NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    position         integer     NOT NULL CHECK (position >= 1),
    title            text        NOT NULL CHECK (length(btrim(title)) > 0),
    text             text        NOT NULL DEFAULT '',
    view             jsonb       NOT NULL CHECK (jsonb_typeof(view) = 'object'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT slides_position_unique UNIQUE (presentation_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
