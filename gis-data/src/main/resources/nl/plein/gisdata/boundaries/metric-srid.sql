-- Analysis measures distances in metres: the source's CRS (:srid) when it is metric, else the UTM
-- zone of the centre of set :set (metric_srid, migration V12).
UPDATE area_sets SET metric_srid = metric_srid(:srid,
       (SELECT ST_Centroid(ST_Extent(a.geom)) FROM areas a WHERE a.area_set_id = :set))
 WHERE id = :set
