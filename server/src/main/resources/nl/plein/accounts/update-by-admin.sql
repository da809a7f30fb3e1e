-- What only an admin changes; a null keeps the current value. Parameters: :id, :role, :disabled.
UPDATE accounts
   SET role = coalesce(:role, role),
       disabled = coalesce(:disabled, disabled)
 WHERE id = :id
