-- A vote's code batches with how many of their codes are used (online or by a confirmed paper
-- ballot). Parameter: :vote.
SELECT b.id, b.area_id, a.code AS area_code, a.name AS area_name, b.size, b.created_at,
       (SELECT count(*) FROM voting_codes c WHERE c.batch_id = b.id AND c.used_at IS NOT NULL) AS used
  FROM voting_code_batches b
  LEFT JOIN areas a ON a.id = b.area_id
 WHERE b.vote_id = :vote
 ORDER BY b.id
