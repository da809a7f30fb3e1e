-- Ends one session. Parameter: :tokenHash.
DELETE FROM sessions WHERE token_hash = :tokenHash
