-- Clears the account's expired sessions when it starts a new one. Parameter: :account.
DELETE FROM sessions WHERE account_id = :account AND expires_at <= now()
