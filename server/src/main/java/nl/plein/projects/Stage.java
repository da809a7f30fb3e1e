package nl.plein.projects;

/** The four stages of a co-design process. */
public enum Stage {
    /** Think together: ideas and proposals. */
    THINK,
    /** Decide: allocate time, money and rules. */
    DECIDE,
    /** Carry out. */
    CARRY_OUT,
    /** Learn: reflect together. */
    LEARN
}
