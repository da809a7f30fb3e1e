-- The PostGIS library the database runs, for the health check.
SELECT postgis_lib_version()
