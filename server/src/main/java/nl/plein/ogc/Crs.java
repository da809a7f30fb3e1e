package nl.plein.ogc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.plein.http.ApiError;

/**
 * The coordinate reference systems Plein serves (OGC API – Features Part 2), each with the axis
 * order its definition prescribes: CRS84 is longitude/latitude, EPSG:4326 latitude/longitude (the
 * same datum, axes swapped) and RD New easting/northing. PostGIS works in x/y, so EPSG:4326 is
 * flipped on the way out and its boxes on the way in.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, 7, false),
    WGS84_LAT_LON("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, 7, true),
    RD_NEW("http://www.opengis.net/def/crs/EPSG/0/28992", 28992, 3, false);

    /** The URIs, storage CRS first, as collections list them. */
    public static final List<String> URIS = Arrays.stream(values()).map(Crs::uri).toList();

    private final String uri;
    private final int srid;
    private final int decimals;
    private final boolean latitudeFirst;

    Crs(String uri, int srid, int decimals, boolean latitudeFirst) {
        this.uri = uri;
        this.srid = srid;
        this.decimals = decimals;
        this.latitudeFirst = latitudeFirst;
    }

    /** The CRS a parameter names, CRS84 when it is absent; a CRS not on offer is a 400. */
    public static Crs parse(String parameter, Optional<String> raw) {
        if (raw.isEmpty()) {
            return CRS84;
        }
        String given = raw.get().replaceAll("^\\[(.*)]$", "$1");
        for (Crs crs : values()) {
            if (crs.uri.equals(given)) {
                return crs;
            }
        }
        throw ApiError.invalid(parameter, "must be one of " + String.join(", ", URIS) + ", not '" + raw.get() + "'");
    }

    public String uri() {
        return uri;
    }

    /** Whether the first axis is latitude: PostGIS's x/y order is swapped for it. */
    public boolean latitudeFirst() {
        return latitudeFirst;
    }

    /** The PostGIS SRID that transforms to this CRS (in x/y order; see {@link #latitudeFirst}). */
    public int srid() {
        return srid;
    }

    /** Decimal places worth writing: about 1 cm in degrees, 1 mm in metres. */
    public int decimals() {
        return decimals;
    }
}
