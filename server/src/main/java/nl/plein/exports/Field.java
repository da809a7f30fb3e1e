package nl.plein.exports;

/**
 * One field of an export, as its data dictionary describes it. {@code type} is one of integer,
 * decimal, text, boolean, timestamp (ISO 8601 with offset) or count (a count of people or
 * contributions as published: a whole number, "0", or "&lt;5" when small counts are suppressed).
 */
record Field(String name, String type, String unit, String nl, String en, String note) {
    /** The note on the columns that hold a geometry in CSV, where the other formats have one of their own. */
    static final String CSV_ONLY = "CSV only; GeoJSON and GeoPackage carry the geometry itself.";

    static Field of(String name, String type, String unit, String nl, String en) {
        return new Field(name, type, unit, nl, en, "");
    }

    static Field count(String name, String nl, String en) {
        return new Field(name, "count", "", nl, en, "Small counts suppressed: 1 up to the threshold (5 by default)"
                + " shows as <threshold, larger counts are rounded to a multiple of it; a cell that could be"
                + " derived from a shown total shows x.");
    }

    boolean decimal() {
        return type.equals("decimal");
    }
}
