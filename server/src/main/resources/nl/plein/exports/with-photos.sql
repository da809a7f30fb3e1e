-- A dataset's rows (<rows>: the OGC collection's statement, which ExportStore writes in, of proposals
-- or comments, whose photos carry their id in ph.<column>, a constant of ExportStore's) with one
-- more property, 'photos': the links to the display size of each public photo, oldest
-- first, separated by spaces, absolute from :base (PLEIN_PUBLIC_URL, else the request's own
-- address); null when there are none. The properties keep their order (json_each, as proposal.sql).
SELECT s.id, s.geom, s.created_at,
       (SELECT json_object_agg(e.key, e.value ORDER BY e.n)
          FROM (SELECT x.key, x.value, x.n
                  FROM json_each(s.properties) WITH ORDINALITY AS x (key, value, n)
                UNION ALL
                SELECT 'photos', to_json((SELECT string_agg(:base || '/photos/' || ph.id || '/display.jpg', ' '
                                                            ORDER BY ph.id)
                                            FROM photos ph
                                           WHERE ph.<column> = s.id AND NOT ph.hidden)), 2147483647) e)
       AS properties
  FROM (<rows>) s
