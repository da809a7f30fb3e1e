-- An account's home area in a boundary set (area_in_set: the area itself, or the area of the set
-- that covers it); NULL when the account has none or no area of the set covers it.
-- Parameters: :account, :set.
SELECT area_in_set(a.home_area_id, :set) FROM accounts a WHERE a.id = :account
