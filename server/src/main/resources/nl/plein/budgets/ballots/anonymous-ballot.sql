-- A ballot without an account: cast with a voting code, or a confirmed paper ballot (which may
-- carry the code of its letter). Parameters: :vote, :channel ('code' or 'paper'), :area (null:
-- city-wide only), :code (the code's hash, or null), :receipt.
INSERT INTO ballots (vote_id, channel, area_id, code_hash, receipt)
VALUES (:vote, :channel, :area, :code, :receipt)
RETURNING id, receipt, cast_at, updated_at
