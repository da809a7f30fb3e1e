package nl.plein.projects;

/** The metric CRS an admin chose for a project ({@code srid}, an EPSG code), and the request field it came from. */
public record MetricCrs(int srid, String field) {
}
