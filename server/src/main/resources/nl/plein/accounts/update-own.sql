-- What the owner changes; a null keeps the current value. :changeHome says whether :homeArea
-- (possibly null: no home) replaces the current home. Parameters: :id, :displayName, :changeHome,
-- :homeArea, :passwordHash.
UPDATE accounts
   SET display_name = coalesce(:displayName, display_name),
       home_area_id = CASE WHEN :changeHome THEN :homeArea ELSE home_area_id END,
       password_hash = coalesce(:passwordHash, password_hash)
 WHERE id = :id
