-- Whether letters with voting codes went to the residents of an area for this vote: a batch made
-- for that area, or (area NULL: someone with no home area in the vote's set) a city-wide batch.
-- Then a signed-in resident of that area confirms their first ballot with their letter's code.
-- Parameters: :vote, :area (bigint or null).
SELECT EXISTS (SELECT 1 FROM voting_code_batches b
                WHERE b.vote_id = :vote AND b.area_id IS NOT DISTINCT FROM CAST(:area AS bigint))
