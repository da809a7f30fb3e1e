-- What signing in checks. Parameter: :email (matched regardless of case).
SELECT id, password_hash, disabled FROM accounts WHERE lower(email) = lower(:email)
