-- Gives the slides the positions of their order in the array (1, 2, …). One statement, so the
-- deferrable unique constraint on (presentation_id, position) is checked once, after every row
-- has moved. Parameters: the slide ids in their new order, the presentation id.
UPDATE slides s
   SET position = o.ordinal, updated_at = now()
  FROM unnest(?::bigint[]) WITH ORDINALITY AS o(id, ordinal)
 WHERE s.id = o.id
   AND s.presentation_id = ?
