-- Gives the slides the positions of their order in the array (1, 2, …). One statement, so the
-- deferrable unique constraint on (presentation_id, position) is checked once, after every row
-- has moved. :ids are the slide ids in their new order, :presentation the presentation's id.
UPDATE slides s
   SET position = o.ordinal, updated_at = now()
  FROM unnest(:ids::bigint[]) WITH ORDINALITY AS o(id, ordinal)
 WHERE s.id = o.id
   AND s.presentation_id = :presentation
