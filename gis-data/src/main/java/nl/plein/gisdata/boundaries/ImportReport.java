package nl.plein.gisdata.boundaries;

import java.util.List;

/** What an import did, or would do. */
public record ImportReport(String setName, Integer year, Level level, boolean committed, boolean unchanged,
                           long setId, int areas, long populationTotal, List<String> unknownPopulation,
                           List<String> repaired, int srid, String crsFrom, String mapping, int parentsLinked,
                           int parentsMissing) {

    public String describe() {
        StringBuilder s = new StringBuilder();
        String set = "'" + setName + "'" + (year == null ? "" : " (" + year + ")");
        if (unchanged) {
            s.append("Boundary set ").append(set).append(" was already imported from this very file: nothing changed.\n");
            return s.toString();
        }
        s.append(committed ? "Created" : "Dry run: would create").append(" boundary set ").append(set)
                .append(", level ").append(level.key()).append(committed ? ", id " + setId : "").append('\n');
        s.append("  fields:      ").append(mapping).append('\n');
        s.append("  CRS:         EPSG:").append(srid).append(" (from ").append(crsFrom).append(")")
                .append(srid == 4326 ? "" : ", transformed to EPSG:4326").append('\n');
        s.append("  areas:       ").append(areas).append('\n');
        s.append("  population:  ").append(String.format("%,d", populationTotal)).append(" in ")
                .append(areas - unknownPopulation.size()).append(" areas; unknown in ").append(unknownPopulation.size())
                .append(list(unknownPopulation)).append('\n');
        s.append("  repaired:    ").append(repaired.size()).append(" invalid geometries").append(list(repaired))
                .append('\n');
        if (parentsLinked + parentsMissing > 0) {
            s.append("  parents:     ").append(parentsLinked).append(" linked, ").append(parentsMissing)
                    .append(" codes not found in the parent set\n");
        }
        if (!committed) {
            s.append("Nothing was written. Run again with --commit to write it.\n");
        }
        return s.toString();
    }

    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        int shown = Math.min(items.size(), 20);
        return " (" + String.join(", ", items.subList(0, shown)) + (items.size() > shown ? ", …" : "") + ")";
    }
}
