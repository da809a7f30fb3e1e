-- An account's one ballot on a vote: made at its first casting, and taken (row-locked until the
-- transaction ends) at every later one, so that two castings by the same person at once follow one
-- another on this row and never make two ballots (ballots_account_idx). Its receipt, first casting
-- time and letter's code stay; its area follows the account's home area as it is now. `created`
-- tells a first casting from a later one (a row just inserted has no xmax).
-- Parameters: :vote, :area (null: city-wide only), :account, :receipt (used only when new), :code
-- (the hash of the letter's code that confirms a first ballot, or null; used only when new).
INSERT INTO ballots (vote_id, channel, area_id, account_id, code_hash, receipt)
VALUES (:vote, 'account', :area, :account, :code, :receipt)
    ON CONFLICT (vote_id, account_id) WHERE account_id IS NOT NULL
    DO UPDATE SET area_id = EXCLUDED.area_id, updated_at = clock_timestamp()
RETURNING id, receipt, cast_at, updated_at, (xmax = 0) AS created
