package nl.plein.proposals;

/**
 * How a resident gave a proposal's location. Planners read it to weigh precision: a place chosen
 * from a list is where the resident meant roughly, a drawing is where they meant exactly.
 */
public enum LocationMethod {
    /** Drawn on the map with pointer or touch. */
    MAP,
    /** Drawn with the keyboard drawing mode. */
    KEYBOARD,
    /** A neighbourhood chosen from a list. */
    AREA,
    /** A named place of the project chosen from a list. */
    PLACE,
    /** An address typed and looked up. */
    ADDRESS,
    /**
     * The whole area, no particular place in it: the proposal has no geometry. It counts in
     * participation but in no point analysis, and is listed apart rather than drawn.
     */
    WHOLE_AREA
}
