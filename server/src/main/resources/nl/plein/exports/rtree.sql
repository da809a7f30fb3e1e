-- The GeoPackage RTree spatial index extension (GeoPackage 1.2.1, annex F.3) for the geometry
-- column geom of the feature table %TABLE%, whose id is fid: the index and the six triggers that
-- keep it in step when a GIS tool edits the table. The triggers call ST_IsEmpty, ST_MinX, ST_MaxX,
-- ST_MinY and ST_MaxY, which GDAL (and so QGIS) registers when it opens a GeoPackage; plain SQLite
-- has no such functions, so a program without them cannot write to the table: the extension's scope
-- is write-only, every writer keeps the index. Plein runs this after the features are in and fills the index itself,
-- so the triggers never fire while it writes.
-- %TABLE% is a dataset's name from Plein's own list, never a request's text.
CREATE VIRTUAL TABLE "rtree_%TABLE%_geom" USING rtree(id, minx, maxx, miny, maxy);

INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
VALUES ('%TABLE%', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');

CREATE TRIGGER "rtree_%TABLE%_geom_insert" AFTER INSERT ON "%TABLE%"
  WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "rtree_%TABLE%_geom" VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;

CREATE TRIGGER "rtree_%TABLE%_geom_update1" AFTER UPDATE OF geom ON "%TABLE%"
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "rtree_%TABLE%_geom" VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;

CREATE TRIGGER "rtree_%TABLE%_geom_update2" AFTER UPDATE OF geom ON "%TABLE%"
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_%TABLE%_geom" WHERE id = OLD.fid;
END;

CREATE TRIGGER "rtree_%TABLE%_geom_update3" AFTER UPDATE ON "%TABLE%"
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_%TABLE%_geom" WHERE id = OLD.fid;
  INSERT OR REPLACE INTO "rtree_%TABLE%_geom" VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;

CREATE TRIGGER "rtree_%TABLE%_geom_update4" AFTER UPDATE ON "%TABLE%"
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_%TABLE%_geom" WHERE id IN (OLD.fid, NEW.fid);
END;

CREATE TRIGGER "rtree_%TABLE%_geom_delete" AFTER DELETE ON "%TABLE%"
  WHEN OLD.geom NOT NULL
BEGIN
  DELETE FROM "rtree_%TABLE%_geom" WHERE id = OLD.fid;
END;
