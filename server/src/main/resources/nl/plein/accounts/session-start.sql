-- A new session. Parameters: :tokenHash, :account, :csrf, :expiresAt.
INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at)
VALUES (:tokenHash, :account, :csrf, :expiresAt)
