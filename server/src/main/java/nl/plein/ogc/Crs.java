package nl.plein.ogc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.plein.http.ApiError;

/**
 * The coordinate reference systems Plein serves (OGC API – Features Part 2). PostGIS's axis order
 * is x/y, which is what both prescribe: CRS84 is longitude/latitude and RD New is
 * easting/northing. EPSG:4326 (latitude first) is deliberately not offered.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, 7),
    RD_NEW("http://www.opengis.net/def/crs/EPSG/0/28992", 28992, 3);

    /** The URIs, storage CRS first, as collections list them. */
    public static final List<String> URIS = Arrays.stream(values()).map(Crs::uri).toList();

    private final String uri;
    private final int srid;
    private final int decimals;

    Crs(String uri, int srid, int decimals) {
        this.uri = uri;
        this.srid = srid;
        this.decimals = decimals;
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

    /** The PostGIS SRID that transforms to this CRS with the axis order above. */
    public int srid() {
        return srid;
    }

    /** Decimal places worth writing: about 1 cm in degrees, 1 mm in metres. */
    public int decimals() {
        return decimals;
    }
}
