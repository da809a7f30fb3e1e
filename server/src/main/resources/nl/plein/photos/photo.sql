-- One photo as the JSON every list carries (<json>, PhotoTarget.JSON with alias ph). Parameter: :id,
-- and :staff, which the JSON reads.
SELECT <json> FROM photos ph WHERE ph.id = :id
