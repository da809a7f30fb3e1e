package nl.plein.geo;

import java.util.Arrays;

/** A growable int array, to avoid boxing while collecting neighbours. */
public final class IntList {
    private int[] values = new int[16];
    private int size;

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int get(int t) {
        return values[t];
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public int[] sortedCopy() {
        int[] out = toArray();
        Arrays.sort(out);
        return out;
    }
}
