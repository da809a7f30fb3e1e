-- Learning: when a work is done, residents say how it turned out. One evaluation per person per
-- work (changed in place): a rating from 1 (poor) to 5 (very good), what works and what does not,
-- and optionally a pin where the place is used (used = true) or where it is not (used = false).

CREATE TABLE evaluations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    work_id      bigint      NOT NULL REFERENCES works (id),
    author_id    bigint      NOT NULL REFERENCES accounts (id),
    rating       smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    works_well   text        NOT NULL DEFAULT '',
    not_working  text        NOT NULL DEFAULT '',
    pin          geometry(Point, 4326) CHECK (pin IS NULL OR ST_IsValid(pin)),
    pin_used     boolean,
    hidden       boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (work_id, author_id),
    CHECK ((pin IS NULL) = (pin_used IS NULL))
);
CREATE INDEX evaluations_author_idx ON evaluations (author_id);
CREATE INDEX evaluations_pin_idx ON evaluations USING gist (pin);
