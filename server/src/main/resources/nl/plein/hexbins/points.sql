-- The selected proposals as points in the project's metric CRS (:srid), for binning in Java.
SELECT ST_X(point) AS x, ST_Y(point) AS y
  FROM (SELECT ST_Transform(/*point*/, :srid::integer) AS point FROM proposals p WHERE /*selection*/) q
