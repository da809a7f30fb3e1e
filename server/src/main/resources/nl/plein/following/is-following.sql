-- Parameters: :account, :kind, :id.
SELECT EXISTS (SELECT 1 FROM follows WHERE account_id = :account AND kind = :kind AND target_id = :id)
