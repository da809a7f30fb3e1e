-- Whether PostGIS knows the coordinate reference system EPSG::srid.
SELECT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = :srid)
