-- Chosen proposals everyone can see, with their title, and (when :variants) their visible
-- variants, each drawn just under its proposal. Parameters: :chosen (ids as text), :variants and
-- those of analysis.Selection (<where>, on the proposals p).
SELECT p.geom, 'chosen' AS kind, 0 AS cls, p.title AS label, 2 * p.id + 1 AS ord
  FROM proposals p
 WHERE p.id = ANY(:chosen::text[]::bigint[]) AND <where>
UNION ALL
SELECT v.geom, 'variant', 0, v.title, 2 * p.id
  FROM variants v JOIN proposals p ON p.id = v.proposal_id
 WHERE :variants::boolean AND NOT v.hidden AND NOT v.withdrawn
   AND p.id = ANY(:chosen::text[]::bigint[]) AND <where>
