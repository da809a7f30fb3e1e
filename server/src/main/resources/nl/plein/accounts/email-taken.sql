-- The account with this email address, regardless of case (emails are unique that way). Parameter: :email.
SELECT id FROM accounts WHERE lower(email) = lower(:email)
