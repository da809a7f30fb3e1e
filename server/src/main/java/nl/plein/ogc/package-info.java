/**
 * OGC API – Features at the base path {@code /ogc}: Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) and
 * Part 2 (CRS), so GIS clients such as QGIS and GDAL's OAPIF driver read Plein's public data
 * directly, and people browse it as plain HTML pages ({@link nl.plein.ogc.OgcPages}).
 *
 * <p>Collections, one SQL file each: {@code proposals-{projectId}} (public proposals of one project),
 * {@code variants-{projectId}} and {@code comments-{projectId}} (their visible variants, and the
 * comments pinned to the map with a drawing), {@code areas-{setId}} (the areas of one boundary
 * set) and {@code participation-{projectId}-{setId}} (the public participation figures per area,
 * small counts suppressed exactly as in the public participation export). Only what anyone may see is served, never who wrote it: the routes never look at a
 * session, and proposals pass the public form of {@link nl.plein.proposals.Visibility}. Geometry is stored in EPSG:4326 and PostGIS transforms it
 * to the CRS a client asks for; see {@link nl.plein.ogc.Crs}.
 */
package nl.plein.ogc;
