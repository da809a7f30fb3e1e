package nl.plein.gisdata.boundaries;

import java.util.List;

/** Everything read from one file: its features, its CRS and a fingerprint of its bytes. */
public record BoundarySource(List<BoundaryFeature> features, FieldMapping mapping, int srid, String crsFrom,
                             String sha256) {

    public long populationTotal() {
        return features.stream().filter(f -> f.population() != null).mapToLong(BoundaryFeature::population).sum();
    }

    public List<String> unknownPopulation() {
        return features.stream().filter(f -> f.population() == null).map(BoundaryFeature::code).toList();
    }

    public List<BoundaryFeature> needingRepair() {
        return features.stream().filter(f -> f.needsRepair() != null).toList();
    }
}
