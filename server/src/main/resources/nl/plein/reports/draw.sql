-- One layer of a printed map, in one statement: the layer's shapes (the source, in WGS 84, with
-- columns geom, kind, cls, label, ord) transformed to the project's metric CRS, clipped to the view,
-- moved and scaled onto the drawing's units (y flipped by ST_AsSVG, since SVG's y runs down),
-- simplified to half a drawing unit (finer than print shows) and written as SVG path data.
-- A multipoint is split into its points, each drawn as a marker.
--
-- Parameters: :srid, :minx, :miny, :maxx, :maxy (the view in the metric CRS), :scale (units per
-- metre), :pad (units of margin around the map), and those of the source. <source> is one of the
-- layer-*.sql statements, joined in once by reports.MapDrawing (both are fixed files).
WITH source AS (
    <source>
),
drawn AS (
    SELECT s.kind, s.cls, s.label, s.ord,
           ST_SimplifyPreserveTopology(ST_Affine(
               ST_ClipByBox2D(ST_Transform(s.geom, :srid::integer),
                              ST_MakeEnvelope(:minx::float8, :miny::float8, :maxx::float8, :maxy::float8)),
               :scale::float8, 0, 0, :scale::float8,
               :pad::float8 - :scale::float8 * :minx::float8,
               -:pad::float8 - :scale::float8 * :maxy::float8), 0.5) AS g
      FROM source s
)
SELECT d.kind, d.cls, d.label, GeometryType(part.g) AS type, ST_AsSVG(part.g, 0, 1) AS path,
       round(ST_X(ST_PointOnSurface(part.g))::numeric, 1) AS x,
       round(-ST_Y(ST_PointOnSurface(part.g))::numeric, 1) AS y
  FROM drawn d
 CROSS JOIN LATERAL (SELECT (ST_Dump(d.g)).geom AS g WHERE GeometryType(d.g) = 'MULTIPOINT'
                     UNION ALL
                     SELECT d.g WHERE GeometryType(d.g) <> 'MULTIPOINT') part
 WHERE NOT ST_IsEmpty(part.g)
 ORDER BY d.ord, d.kind
