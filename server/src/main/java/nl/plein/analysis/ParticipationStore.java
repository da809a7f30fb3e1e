package nl.plein.analysis;

import java.util.List;
import javax.sql.DataSource;
import nl.plein.analysis.Participation.AreaCount;
import nl.plein.db.Sql;

/** Reads, per area of the newest boundary set, how many distinct people from there took part in a project. */
public final class ParticipationStore {
    private static final String PARTICIPANTS = Sql.load(ParticipationStore.class, "participants.sql");

    private final DataSource dataSource;

    public ParticipationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<AreaCount> byHomeArea(long projectId) {
        return Sql.read(dataSource, c -> Sql.list(c, PARTICIPANTS, rs -> {
            long population = rs.getLong("population");
            Long known = rs.wasNull() ? null : population;
            return new AreaCount(rs.getLong("id"), rs.getString("code"), rs.getString("name"), known,
                    rs.getLong("participants"));
        }, projectId, projectId, projectId, projectId));
    }
}
