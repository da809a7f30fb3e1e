package nl.plein.exports;

import java.util.List;

/**
 * CSV text (RFC 4180: CRLF line ends, a field quoted when it holds the separator, a quote or a line
 * break, quotes doubled), in one of two dialects. The plain one uses commas and decimal points, as
 * GIS tools and scripts expect. The Excel one is what Excel with Dutch regional settings opens by a
 * double click: a UTF-8 byte order mark (without it Excel reads the file as Windows-1252), a
 * semicolon as separator (the list separator of nl-NL, where the comma is the decimal sign) and a
 * decimal comma in decimal columns, so that 52,5051 is a number and not text. WKT keeps its decimal
 * points: it is a geometry, not a number.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder();
    private final boolean excel;
    private final char separator;

    Csv(boolean excel) {
        this.excel = excel;
        this.separator = excel ? ';' : ',';
        if (excel) {
            out.append('\uFEFF');
        }
    }

    /** One row; {@code decimal[i]} marks a decimal column, written with a comma in the Excel dialect. */
    Csv row(List<String> cells, boolean[] decimal) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String value = cells.get(i) == null ? "" : cells.get(i);
            out.append(decimal != null && decimal[i] && excel ? value.replace('.', ',') : cell(value));
        }
        out.append("\r\n");
        return this;
    }

    /**
     * One text field: prefixed with an apostrophe when a spreadsheet would run it as a formula (it
     * starts with =, +, -, @, a tab or a carriage return, and is not a plain number), then quoted
     * when it must be.
     */
    String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("-?[0-9]+(\\.[0-9]+)?") ? "'" + value : value;
        if (safe.indexOf(separator) >= 0 || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
