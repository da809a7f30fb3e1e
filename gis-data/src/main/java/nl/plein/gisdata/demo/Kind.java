package nl.plein.gisdata.demo;

/** The geometry types a proposal can have, with the project-level kind each one counts as. */
enum Kind {
    POINT("point"),
    LINE("line"),
    POLYGON("polygon"),
    MULTIPOINT("point"),
    MULTILINE("line"),
    MULTIPOLYGON("polygon");

    /** The value in projects.geometry_kinds that allows this kind. */
    final String projectKind;

    Kind(String projectKind) {
        this.projectKind = projectKind;
    }

    boolean isMulti() {
        return this == MULTIPOINT || this == MULTILINE || this == MULTIPOLYGON;
    }
}
