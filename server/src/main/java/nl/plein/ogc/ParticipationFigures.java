package nl.plein.ogc;

import nl.plein.participation.ParticipationAnalysis;

/**
 * The participation figures per area that the public participation GeoJSON export shows, small
 * counts suppressed by the same rule, for the {@code participation-{projectId}-{setId}} collections.
 */
public final class ParticipationFigures implements FeatureStore.Figures {
    private final ParticipationAnalysis participation;

    public ParticipationFigures(ParticipationAnalysis participation) {
        this.participation = participation;
    }

    /** A JSON object from area id to that area's public figures, over the project's whole run. */
    @Override
    public String byArea(long projectId, long setId) {
        return participation.exportedAreas(projectId, setId).byArea();
    }
}
