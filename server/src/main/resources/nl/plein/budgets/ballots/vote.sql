-- A vote as casting a ballot needs it, with a share lock on its row held to the end of the
-- transaction: closing a vote (which locks the row for update) waits for ballots being cast, and a
-- ballot cast after it sees the new closing time; so does making a code batch
-- (lock-vote-for-batch.sql), and a ballot after it sees the batch and needs its letter's code.
-- status: upcoming, open, closed (counted or not).
-- Parameter: :vote.
SELECT v.id, v.title, v.ballot_type, v.min_items, v.max_items, v.points, v.max_points_per_item,
       v.area_set_id, v.source,
       CASE WHEN now() < v.opens_at THEN 'upcoming'
            WHEN now() < v.closes_at AND v.counted_at IS NULL THEN 'open'
            ELSE 'closed' END AS status
  FROM votes v
 WHERE v.id = :vote
   FOR SHARE
