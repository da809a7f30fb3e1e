package nl.plein.gisdata.boundaries;

import org.locationtech.jts.geom.Geometry;

/**
 * One area as read from a source, geometry still in the source's CRS. population is null when the
 * source has none or gives a negative (CBS secret/unknown) code; needsRepair says why the geometry is
 * not valid as given, or is null when it is.
 */
public record BoundaryFeature(String code, String name, Integer population, String parentCode, Geometry geometry,
                              String needsRepair) {
}
