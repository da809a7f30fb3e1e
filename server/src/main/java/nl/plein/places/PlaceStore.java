package nl.plein.places;

import java.util.List;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/** Named places of a project, and the list of locations a resident can choose without the map. */
public final class PlaceStore {
    private static final String CHOICES = Jdbis.sql(PlaceStore.class, "choices.sql");
    private static final String ADD = Jdbis.sql(PlaceStore.class, "add.sql");

    private final Jdbi jdbi;

    public PlaceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The project's places and the neighbourhoods in it, as GeoJSON Features sorted by kind and name. */
    public List<String> choices(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(CHOICES).bind("project", projectId).mapTo(String.class).list());
    }

    /** Adds a named place and returns it as a GeoJSON Feature. */
    public String add(long projectId, String name, Point point) {
        return jdbi.inTransaction(h -> h.createQuery(ADD)
                .bind("project", projectId)
                .bind("name", name)
                .bind("point", new WKBWriter().write(point))
                .mapTo(String.class).one());
    }
}
