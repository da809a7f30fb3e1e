-- The configured admin, unless an account has that email already. Parameters: :email, :passwordHash.
INSERT INTO accounts (email, password_hash, display_name, role)
SELECT :email, :passwordHash, 'Administrator', 'admin'
 WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(:email))
