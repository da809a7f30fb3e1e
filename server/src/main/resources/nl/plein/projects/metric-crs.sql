-- What an analysis may measure in: a projected CRS in metres that PostGIS knows. Web Mercator
-- (EPSG:3857 and its aliases) is refused: its metres are ground metres only at the equator
-- (in the Netherlands one of them is about 0.6 m). No row: PostGIS does not know the CRS.
-- Parameter: :srid.
SELECT srtext LIKE 'PROJCS[%' AND proj4text LIKE '%+units=m %'
       AND proj4text NOT LIKE '%+proj=merc %+a=6378137 +b=6378137 %'
  FROM spatial_ref_sys
 WHERE srid = :srid
