-- How many photos the target has (hidden ones count: they still take their place).
-- <column> comes from PhotoTarget. Parameter: :id.
SELECT count(*) FROM photos WHERE <column> = :id
