package nl.plein.gisdata.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated datasets shared between tests: generation takes a noticeable fraction of a second. */
final class Datasets {

    private static final Map<Long, DemoDataset> CACHE = new ConcurrentHashMap<>();

    private Datasets() {}

    static DemoDataset of(long seed) {
        return CACHE.computeIfAbsent(seed, DemoGenerator::generate);
    }
}
