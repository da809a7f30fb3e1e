package nl.plein.reports;

import static nl.plein.support.Fixtures.CYCLE_ROUTE;
import static nl.plein.support.Fixtures.PLAYGROUND;
import static nl.plein.support.Fixtures.PROJECT_AREA;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.point;
import static nl.plein.support.Fixtures.polygon;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.plein.accounts.Role;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.SmallCounts;
import nl.plein.clusters.Clusters;
import nl.plein.db.Jdbis;
import nl.plein.hexbins.HexBins;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.ParticipationStore;
import nl.plein.support.Client;
import nl.plein.support.TestServer;

/**
 * The named fixture of the report tests, "Marktplein", made through the real API: the test area
 * split into four quarters (a boundary set with populations); 12 residents of the first quarter,
 * 3 of the second (a small count, shown "&lt;5") and 6 of the third (then hidden as "x", since the
 * small one could be worked out from the total), none of the fourth, each supporting a proposal;
 * six proposals close together (one DBSCAN cluster), a cycle route under consideration, a
 * playground accepted with a variant, one with a hostile title, and a hidden and a withdrawn
 * proposal and a hidden comment that must never show.
 */
public final class ReportFixture {
    public static final String TITLE = "Marktplein";
    public static final String HOSTILE = "<script>alert(1)</script> \"&<>' Bankje";
    public static final String HIDDEN_PROPOSAL = "Verborgen voorstel";
    public static final String HIDDEN_REASON = "Geheime reden die niemand mag lezen";
    public static final String WITHDRAWN_PROPOSAL = "Ingetrokken voorstel";
    public static final String HIDDEN_COMMENT = "Verborgen reactie";
    public static final String ACCEPTED_REASON = "Er is budget gevonden in de wijkbegroting";
    public static final String CONSIDERED_REASON = "Past in het fietsplan";
    public static final String CLUSTER_TITLE = "Bomen bij de markt";
    /** Visible proposals: 6 in the cluster, the route, the playground and the hostile one. */
    public static final int VISIBLE_PROPOSALS = 9;
    public static final int VISIBLE_POINTS = 7;
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    public final long projectId;
    public final long setId;
    public final long playgroundId;
    public final long clusterTopId;

    private ReportFixture(long projectId, long setId, long playgroundId, long clusterTopId) {
        this.projectId = projectId;
        this.setId = setId;
        this.playgroundId = playgroundId;
        this.clusterTopId = clusterTopId;
    }

    public static ReportFixture create(TestServer server) {
        Client admin = server.signedIn("admin@report.test", Role.ADMIN);
        Client planner = server.signedIn("planner@report.test", Role.PLANNER);
        Client moderator = server.signedIn("moderator@report.test", Role.MODERATOR);
        Client author = server.signedIn("author@report.test", Role.RESIDENT);
        Client neighbour = server.signedIn("neighbour@report.test", Role.RESIDENT);
        long projectId = admin.post("/api/projects", feature(PROJECT_AREA, Map.of("title", TITLE,
                "summary", "Een nieuw plein voor de markt & de buurt", "categories", List.of("green", "play"),
                "stage", "decide",
                "schedule", Map.of("think", Map.of("startsOn", "2026-01-05", "endsOn", "2026-03-27"),
                        "decide", Map.of("startsOn", "2026-04-06", "endsOn", "2026-06-26"))))).expect(201)
                .json().get("id").asLong();
        var jdbi = Jdbis.create(server.dataSource);
        long setId = jdbi.inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name, year) VALUES ('Kwartieren', 2026) RETURNING id")
                    .mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO areas (area_set_id, code, name, population, geom)
                    SELECT :set, 'Q' || g, (ARRAY['Noordwest', 'Noordoost', 'Zuidwest', 'Zuidoost'])[g + 1],
                           (ARRAY[1000, 2000, 1500, 800])[g + 1],
                           ST_Multi(ST_MakeEnvelope(5.50 + (g % 2) * 0.005, 52.51 - (g / 2 + 1) * 0.005,
                                                    5.50 + (g % 2 + 1) * 0.005, 52.51 - (g / 2) * 0.005, 4326))
                      FROM generate_series(0, 3) g""").bind("set", set).execute();
            return set;
        });

        String url = "/api/projects/" + projectId + "/proposals";
        long clusterTop = 0;
        for (int i = 0; i < 6; i++) {
            long id = propose(author, url, point(5.5020 + (i % 3) * 0.0002, 52.5070 + (i / 3) * 0.0002),
                    CLUSTER_TITLE + " " + i);
            clusterTop = i == 0 ? id : clusterTop;
        }
        long route = propose(author, url, CYCLE_ROUTE, "Fietspad langs de markt");
        long playground = propose(author, url, PLAYGROUND, "Speeltuin");
        long hostile = propose(author, url, point(5.5085, 52.5015), HOSTILE);
        long hidden = propose(author, url, point(5.5080, 52.5080), HIDDEN_PROPOSAL);
        long withdrawn = propose(author, url, point(5.5010, 52.5010), WITHDRAWN_PROPOSAL);

        neighbour.post("/api/proposals/" + playground + "/variants", feature(polygon(5.5021, 52.5021, 5.5032, 52.5021,
                5.5032, 52.5032, 5.5021, 52.5032, 5.5021, 52.5021), Map.of("title", "Speeltuin met bankjes",
                "description", "Met bankjes"))).expect(201);
        planner.post("/api/proposals/" + route + "/decisions", Map.of("status", "under_consideration",
                "reason", CONSIDERED_REASON)).expect(201);
        planner.post("/api/proposals/" + playground + "/decisions", Map.of("status", "under_consideration",
                "reason", "Wordt bekeken")).expect(201);
        planner.post("/api/proposals/" + playground + "/decisions", Map.of("status", "accepted",
                "reason", ACCEPTED_REASON)).expect(201);
        planner.post("/api/proposals/" + hidden + "/decisions", Map.of("status", "under_consideration",
                "reason", HIDDEN_REASON)).expect(201);
        author.post("/api/proposals/" + playground + "/comments", feature(null, Map.of("body", "Mooi plan")))
                .expect(201);
        long comment = author.post("/api/proposals/" + playground + "/comments",
                feature(null, Map.of("body", HIDDEN_COMMENT))).expect(201).json().get("id").asLong();
        moderator.post("/api/comments/" + comment + "/hide", Map.of("reason", "Off topic")).expect(201);
        moderator.post("/api/proposals/" + hidden + "/hide", Map.of("reason", "Spam")).expect(201);
        author.delete("/api/proposals/" + withdrawn).expect(204);

        // Residents: 12 in Noordwest, 3 in Noordoost, 6 in Zuidwest, none in Zuidoost.
        int[] homes = {12, 3, 6, 0};
        int k = 0;
        for (int quarter = 0; quarter < homes.length; quarter++) {
            for (int i = 0; i < homes[quarter]; i++, k++) {
                String email = "resident" + k + "@report.test";
                Client resident = server.signedIn(email, Role.RESIDENT);
                String code = "Q" + quarter;
                jdbi.useTransaction(h -> h.createUpdate("""
                        UPDATE accounts SET home_area_id = (SELECT id FROM areas WHERE area_set_id = :set AND code = :code)
                         WHERE email = :email""").bind("set", setId).bind("code", code).bind("email", email).execute());
                resident.put("/api/proposals/" + clusterTop + "/support", Map.of()).expect(200);
                if (quarter == 0) {
                    resident.put("/api/proposals/" + hostile + "/support", Map.of()).expect(200);
                }
            }
        }
        admin.post("/api/area-sets/" + setId + "/assign", Map.of()).expect(200);
        return new ReportFixture(projectId, setId, playground, clusterTop);
    }

    /** A map drawer over this data source, wired as the application wires it, with the default settings. */
    public static MapDrawing mapDrawing(DataSource dataSource) {
        var analyses = new Analyses(Jdbis.create(dataSource), TIMEOUT, ZONE,
                new SmallCounts(SmallCounts.DEFAULT_THRESHOLD), 64);
        return new MapDrawing(Jdbis.create(dataSource), analyses, new Clusters(),
                new HexBins(analyses, 20_000), participation(dataSource));
    }

    /** The participation service over this data source, with the default small-count threshold, as the application wires it. */
    public static ParticipationAnalysis participation(DataSource dataSource) {
        return new ParticipationAnalysis(new ParticipationStore(Jdbis.create(dataSource), dataSource),
                new Analyses(Jdbis.create(dataSource), TIMEOUT, ZONE, new SmallCounts(SmallCounts.DEFAULT_THRESHOLD), 64));
    }

    public static ReportBuilder builder(DataSource dataSource) {
        return new ReportBuilder(Jdbis.create(dataSource), participation(dataSource), mapDrawing(dataSource),
                new SmallCounts(SmallCounts.DEFAULT_THRESHOLD), ZONE, Clock.systemUTC());
    }

    private static long propose(Client author, String url, Object geometry, String title) {
        return author.post(url, feature(geometry, Map.of("title", title, "description", "Omdat het helpt",
                "category", title.startsWith("Speeltuin") ? "play" : "green"))).expect(201).json().get("id").asLong();
    }
}
