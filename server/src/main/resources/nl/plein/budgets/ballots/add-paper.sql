-- A paper ballot as one member of staff typed it in, pending until another confirms it.
-- Parameters: :vote, :area, :code (bytea or null), :choices (jsonb text), :by.
INSERT INTO paper_ballots (vote_id, area_id, code_hash, choices, entered_by)
VALUES (:vote, :area, :code, :choices::jsonb, :by)
RETURNING id, entered_at
