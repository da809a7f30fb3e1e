package nl.plein.browser;

import java.util.List;
import nl.plein.db.Jdbis;
import nl.plein.support.TestServer;
import nl.plein.works.DemoWorks;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo town's works, seeded on demo content already loaded, and the pages that show them: the
 * realisation map of their project and the page of each work (done, delayed, planned).
 */
final class WorksWalk {
    final long projectId;
    final List<Long> works;
    /** The work under construction, past its planned end: the page with the most to show. */
    final long delayedWork;
    final long plannedWork;

    WorksWalk(TestServer server) {
        Jdbi jdbi = Jdbis.create(server.dataSource);
        DemoWorks.seed(jdbi, server.config.timeZone());
        projectId = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT project_id FROM works").mapTo(Long.class).one());
        works = jdbi.withHandle(h -> h.createQuery("SELECT id FROM works ORDER BY id").mapTo(Long.class).list());
        delayedWork = jdbi.withHandle(h -> h.createQuery("SELECT id FROM works WHERE status = 'construction'")
                .mapTo(Long.class).one());
        plannedWork = jdbi.withHandle(h -> h.createQuery("SELECT id FROM works WHERE status = 'planned'")
                .mapTo(Long.class).one());
    }

    String mapHash() {
        return "/projects/" + projectId + "/works";
    }

    List<String> hashes() {
        var hashes = new java.util.ArrayList<>(List.of(mapHash()));
        works.forEach(id -> hashes.add("/works/" + id));
        return hashes;
    }
}
