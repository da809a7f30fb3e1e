-- After one person's e-mail went out. Parameters: :account, :upTo.
UPDATE notification_settings SET emailed_up_to = greatest(emailed_up_to, :upTo) WHERE account_id = :account
