-- Vote :id's set-up and its status (<status>, VoteStatus.SQL), for the checks before a change.
-- <lock> is empty for a read, or FOR UPDATE: changes to a vote, its pots, items and reviews then
-- take turns, so that a proposal lands on one item only and pots are not removed under new items.
SELECT v.id, v.project_id, v.area_set_id, v.source, <status> AS status, v.ballot_type, v.min_items,
       v.max_items, v.points, v.max_points_per_item, v.rule, v.opens_at, v.closes_at
  FROM votes v
 WHERE v.id = :id
 <lock>
