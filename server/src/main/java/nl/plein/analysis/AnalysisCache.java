package nl.plein.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Results of spatial analyses, kept for the same project, metric CRS, parameters and version of the
 * project's analyses (migration V7, {@code analysis_versions}): when a proposal, the project's area
 * or its metric CRS changes, the version goes up and older results are simply never asked for
 * again; the least recently used fall out.
 */
public final class AnalysisCache<V> {
    /**
     * What identifies a result: {@code srid} is the metric CRS it was computed in (the project's,
     * migration V12) and {@code version} the project's analysis version it was computed at.
     */
    public record Key(String analysis, long projectId, int srid, long version, String parameters) {
    }

    private final int capacity;
    private final Map<Key, V> entries;

    public AnalysisCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cached result, or the one {@code compute} makes (kept unless it throws). */
    public V get(Key key, Supplier<V> compute) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock: two requests for the same new key may both compute; both get
        // the same figures, and one of them is kept.
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, value);
            if (entries.size() > capacity) {
                var eldest = entries.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return value;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
