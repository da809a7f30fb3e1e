package nl.plein.photos;

/**
 * What a photo belongs to, with the table and column each kind is found by: SQL names come from
 * here, never from a request. {@link #photos} is the fragment other stores put into their own
 * statements to carry a target's photos as JSON, so reading a list of proposals, comments or steps
 * with their photos stays one statement.
 */
public enum PhotoTarget {
    PROPOSAL("proposals", "proposal_id", "Proposal"),
    COMMENT("comments", "comment_id", "Comment"),
    WORK_STEP("work_steps", "work_step_id", "Progress update");

    /** One photo as JSON, the photos row aliased {@code ph}; reads {@code :staff} (hidden ones are marked). */
    public static final String JSON = """
            json_strip_nulls(json_build_object(
                'id', ph.id,
                'alt', ph.alt,
                'width', ph.width,
                'height', ph.height,
                'thumbWidth', ph.thumb_width,
                'thumbHeight', ph.thumb_height,
                'urls', json_build_object('display', '/photos/' || ph.id || '/display.jpg',
                                          'thumb', '/photos/' || ph.id || '/thumb.jpg'),
                'authorId', ph.author_id,
                'hidden', CASE WHEN ph.hidden THEN true END))""";

    final String table;
    final String column;
    final String label;

    PhotoTarget(String table, String column, String label) {
        this.table = table;
        this.column = column;
        this.label = label;
    }

    /**
     * The photos of the target whose id is {@code idExpression} (a column of the caller's statement,
     * such as {@code p.id}: a constant of the caller's, never input), oldest first, as a JSON array;
     * hidden ones only for staff ({@code :staff}, which the caller binds).
     */
    public String photos(String idExpression) {
        return "(SELECT coalesce(json_agg(" + JSON + " ORDER BY ph.id), '[]'::json) FROM photos ph WHERE ph."
                + column + " = " + idExpression + " AND (:staff::boolean OR NOT ph.hidden))";
    }
}
