-- Votes as the API sends them, written by PostgreSQL: vote :id, or (when :id is null) every vote of
-- project :project, oldest first. Beside each, its id and its number of ballots, which the caller
-- adds as the reader may see it (raw for planners, else under the small-count rule). <status> is
-- VoteStatus.SQL. Times are UTC to the second; pots list the city-wide pot first, then areas by name.
SELECT json_build_object(
           'id', v.id,
           'projectId', v.project_id,
           -- a vote belongs to the decide stage; the project page says where the project is now
           'projectStage', p.stage,
           'title', v.title,
           'description', v.description,
           'ballotType', v.ballot_type,
           'minItems', v.min_items,
           'maxItems', v.max_items,
           'points', v.points,
           'maxPointsPerItem', v.max_points_per_item,
           'rule', v.rule,
           'areaSetId', v.area_set_id,
           'opensAt', to_char(v.opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'closesAt', to_char(v.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'countedAt', to_char(v.counted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'status', <status>,
           'source', v.source,
           'budget', coalesce((SELECT sum(t.budget) FROM vote_pots t WHERE t.vote_id = v.id), 0),
           'pots', coalesce((SELECT json_agg(json_build_object(
                                        'id', t.id, 'areaId', t.area_id, 'name', t.name, 'budget', t.budget,
                                        'itemCount', (SELECT count(*) FROM ballot_items i WHERE i.pot_id = t.id))
                                    ORDER BY t.area_id IS NOT NULL, t.name, t.id)
                               FROM vote_pots t WHERE t.vote_id = v.id), '[]'::json),
           'itemCount', (SELECT count(*) FROM ballot_items i WHERE i.vote_id = v.id),
           'createdAt', to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'updatedAt', to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
       (SELECT count(*) FROM ballots b WHERE b.vote_id = v.id),
       v.id
  FROM votes v
  JOIN projects p ON p.id = v.project_id
 WHERE (v.id = :id OR :id::bigint IS NULL)
   AND (v.project_id = :project OR :project::bigint IS NULL)
 ORDER BY v.id
