-- Follows; following again changes nothing. Parameters: :account, :kind, :id.
INSERT INTO follows (account_id, kind, target_id) VALUES (:account, :kind, :id)
ON CONFLICT DO NOTHING
