-- What proposals in a project are checked against; the area as WKB. Parameter: :id.
SELECT open, premoderation, geometry_kinds, categories, ST_AsBinary(area)
  FROM projects
 WHERE id = :id
