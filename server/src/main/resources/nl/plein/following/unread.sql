-- How many notifications a person has not read (for the header's badge). It counts what is queued,
-- without reading each event's row: one that was hidden since may count until it is marked read.
-- Parameters: :viewer.
SELECT count(*)
FROM notifications n
WHERE n.account_id = :viewer
  AND n.id > coalesce((SELECT read_up_to FROM notification_settings WHERE account_id = :viewer), 0)
