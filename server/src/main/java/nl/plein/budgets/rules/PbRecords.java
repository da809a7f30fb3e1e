package nl.plein.budgets.rules;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a {@code .pb} file: {@code ;}-separated fields, records ending in LF or CRLF,
 * fields optionally in double quotes (a doubled quote inside stands for one; a quoted field may span
 * lines). One pass over the characters, each appended once, so hostile input costs linear time;
 * limits on size are the caller's.
 */
final class PbRecords {
    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    /** A record and the line it starts on. */
    record Row(int line, List<String> fields) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    PbRecords(Reader in) {
        this.in = in;
    }

    private int next() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** The next record, or null at the end of the input. */
    Row next(boolean firstRecord) throws IOException {
        int c = next();
        if (c == -1) {
            return null;
        }
        if (firstRecord && c == '\uFEFF') {
            c = next();
            if (c == -1) {
                return null;
            }
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean blankSoFar = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new Pabulib.FormatException(start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int d = next();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = next();
                continue;
            }
            if (c == -1 || c == '\n') {
                fields.add(finish(field, wasQuoted));
                if (c == '\n') {
                    line++;
                }
                return new Row(start, fields);
            }
            if (c == '\r') {
                int d = next();
                if (d != '\n' && d != -1) {
                    pushedBack = d;
                }
                fields.add(finish(field, wasQuoted));
                line++;
                return new Row(start, fields);
            }
            if (c == ';') {
                fields.add(finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                blankSoFar = true;
            } else if (c == '"' && blankSoFar && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
                blankSoFar &= Character.isWhitespace(c);
            }
            c = next();
        }
    }

    /** Unquoted fields are trimmed (Pabulib files often pad them); quoted ones are kept as written. */
    private static String finish(StringBuilder field, boolean wasQuoted) {
        return wasQuoted ? field.toString() : field.toString().strip();
    }
}
