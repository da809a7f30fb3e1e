-- Stops following; stopping again changes nothing. Parameters: :account, :kind, :id.
DELETE FROM follows WHERE account_id = :account AND kind = :kind AND target_id = :id
