-- A planner's decision moves the proposal along its lifecycle. Parameters: :id, :status.
UPDATE proposals SET status = :status, updated_at = now() WHERE id = :id
