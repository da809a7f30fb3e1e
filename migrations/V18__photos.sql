-- Photos on proposals, comments and progress updates (work steps), each with the alt text its
-- uploader wrote. What is kept is never the uploaded file: the server decodes it and writes two new
-- JPEG files, a display size and a thumbnail, so EXIF (GPS included) and anything hidden in the
-- file are gone.
--
-- The files live here, in bytea columns, not in a data directory: one transaction writes the row and
-- both files, so a server killed mid-upload (kill -9) leaves either the whole photo or nothing, never
-- a row without its file or a file without its row; deleting a proposal's photo removes its bytes; a
-- database backup holds the photos with the text they belong to, and a second server needs no shared
-- disk. They are small after re-encoding (a display size of at most 1600 pixels is some 100–400 kB),
-- and JPEG does not compress further, so TOAST is told not to try (STORAGE EXTERNAL).
CREATE TABLE photos (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What the photo belongs to: exactly one of these.
    proposal_id   bigint      REFERENCES proposals (id),
    comment_id    bigint      REFERENCES comments (id),
    work_step_id  bigint      REFERENCES work_steps (id),
    alt           text        NOT NULL CHECK (length(btrim(alt)) > 0),
    -- The display size and the thumbnail, as served, with their pixel sizes.
    display       bytea       NOT NULL,
    width         integer     NOT NULL CHECK (width > 0),
    height        integer     NOT NULL CHECK (height > 0),
    thumb         bytea       NOT NULL,
    thumb_width   integer     NOT NULL CHECK (thumb_width > 0),
    thumb_height  integer     NOT NULL CHECK (thumb_height > 0),
    -- SHA-256 of the display file, in hex: the ETag of both files (they are written together, once).
    digest        text        NOT NULL,
    hidden        boolean     NOT NULL DEFAULT false,
    author_id     bigint      NOT NULL REFERENCES accounts (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(proposal_id, comment_id, work_step_id) = 1)
);
ALTER TABLE photos ALTER COLUMN display SET STORAGE EXTERNAL, ALTER COLUMN thumb SET STORAGE EXTERNAL;
CREATE INDEX photos_proposal_idx ON photos (proposal_id, id) WHERE proposal_id IS NOT NULL;
CREATE INDEX photos_comment_idx ON photos (comment_id, id) WHERE comment_id IS NOT NULL;
CREATE INDEX photos_work_step_idx ON photos (work_step_id, id) WHERE work_step_id IS NOT NULL;
