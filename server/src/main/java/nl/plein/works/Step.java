package nl.plein.works;

/**
 * The kinds of step on a work's public timeline (V16's {@code work_steps.step}). Every kind but
 * {@link #UPDATE} moves the work to the status of the same name; an update is a note on the way.
 */
public enum Step {
    DESIGN, TENDER, CONSTRUCTION, DONE, CANCELLED, UPDATE
}
