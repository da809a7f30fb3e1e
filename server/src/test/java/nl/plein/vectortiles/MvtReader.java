package nl.plein.vectortiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Mapbox Vector Tile (vector_tile.proto, version 2) without a protobuf library, so tests can
 * check what PostGIS wrote: layers, features, attributes and every vertex in tile coordinates.
 */
final class MvtReader {
    /** Geometry types of the specification. */
    static final int POINT = 1;
    static final int LINESTRING = 2;
    static final int POLYGON = 3;

    record Feature(long id, int type, Map<String, Object> properties, List<int[]> vertices) {
    }

    record Layer(String name, int version, int extent, List<Feature> features) {
    }

    private final byte[] bytes;
    private int pos;
    private final int end;

    private MvtReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    static Map<String, Layer> read(byte[] tile) {
        var layers = new LinkedHashMap<String, Layer>();
        var in = new MvtReader(tile, 0, tile.length);
        while (in.more()) {
            int key = (int) in.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                var layer = in.message().layer();
                layers.put(layer.name(), layer);
            } else {
                in.skip(key & 7);
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int version = 1;
        int extent = 4096;
        var keys = new ArrayList<String>();
        var values = new ArrayList<Object>();
        var raw = new ArrayList<MvtReader>();
        while (more()) {
            int key = (int) varint();
            switch (key >>> 3) {
                case 1 -> name = string();
                case 2 -> raw.add(message());
                case 3 -> keys.add(string());
                case 4 -> values.add(message().value());
                case 5 -> extent = (int) varint();
                case 15 -> version = (int) varint();
                default -> skip(key & 7);
            }
        }
        var features = new ArrayList<Feature>();
        for (var f : raw) {
            features.add(f.feature(keys, values));
        }
        return new Layer(name, version, extent, features);
    }

    private Object value() {
        Object value = null;
        while (more()) {
            int key = (int) varint();
            value = switch (key >>> 3) {
                case 1 -> string();
                case 2 -> Float.intBitsToFloat(fixed(4).intValue());
                case 3 -> Double.longBitsToDouble(fixed(8));
                case 4, 5 -> varint();
                case 6 -> zigzag(varint());
                case 7 -> varint() != 0;
                default -> throw new IllegalStateException("unknown value field " + (key >>> 3));
            };
        }
        return value;
    }

    private Feature feature(List<String> keys, List<Object> values) {
        long id = 0;
        int type = 0;
        var tags = new ArrayList<Long>();
        var geometry = new ArrayList<Long>();
        while (more()) {
            int key = (int) varint();
            switch (key >>> 3) {
                case 1 -> id = varint();
                case 2 -> tags.addAll(message().packed());
                case 3 -> type = (int) varint();
                case 4 -> geometry.addAll(message().packed());
                default -> skip(key & 7);
            }
        }
        var properties = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            properties.put(keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
        }
        return new Feature(id, type, properties, vertices(geometry));
    }

    /** The cursor after every MoveTo and LineTo: the geometry's vertices in tile coordinates. */
    private static List<int[]> vertices(List<Long> commands) {
        var out = new ArrayList<int[]>();
        int x = 0;
        int y = 0;
        int i = 0;
        while (i < commands.size()) {
            long command = commands.get(i++);
            int id = (int) (command & 7);
            long count = command >>> 3;
            if (id == 7) {
                continue;
            }
            for (long n = 0; n < count; n++) {
                x += (int) zigzag(commands.get(i++));
                y += (int) zigzag(commands.get(i++));
                out.add(new int[] {x, y});
            }
        }
        return out;
    }

    private List<Long> packed() {
        var out = new ArrayList<Long>();
        while (more()) {
            out.add(varint());
        }
        return out;
    }

    private boolean more() {
        return pos < end;
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    private Long fixed(int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (long) (bytes[pos++] & 0xff) << (8 * i);
        }
        return result;
    }

    private MvtReader message() {
        int length = (int) varint();
        var sub = new MvtReader(bytes, pos, pos + length);
        pos += length;
        return sub;
    }

    private String string() {
        var sub = message();
        return new String(bytes, sub.pos, sub.end - sub.pos, StandardCharsets.UTF_8);
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> message();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("unknown wire type " + wireType);
        }
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
