package nl.plein.gisdata.boundaries;

import java.util.Locale;

/** The administrative level of a boundary set; stored as the set's kind. */
public enum Level {
    MUNICIPALITY, DISTRICT, NEIGHBOURHOOD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.key().equals(text)) {
                return level;
            }
        }
        throw new ImportException("Unknown level '" + text + "': use municipality, district or neighbourhood");
    }
}
