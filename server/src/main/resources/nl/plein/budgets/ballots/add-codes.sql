-- The batch's codes, kept only as their SHA-256 hashes. Parameters: :vote, :batch, :hashes
-- (text[]: each hash in hex, one per code).
INSERT INTO voting_codes (code_hash, vote_id, batch_id)
SELECT decode(h, 'hex'), :vote, :batch FROM unnest(:hashes::text[]) AS h
