package nl.plein.photos;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import nl.plein.http.ApiError;

/**
 * The three kinds of photo Plein takes, told apart by the file's first bytes (never by its name or
 * the Content-Type a browser guessed), and the walk through each file's structure that finds where
 * the image ends. A file cut short is refused; so is one with another format's file after its end
 * (a ZIP, an HTML or SVG page, a PDF, a GIF: the polyglots that some viewers would open as that other
 * thing). Other trailing bytes are let through, because phones append their own (a second JPEG for
 * multi-picture files, Samsung's trailers) and the file is re-encoded anyway: nothing of it but its
 * pixels is ever served.
 */
enum ImageFormat {
    JPEG("jpeg"), PNG("png"), WEBP("webp");

    /** The format name ImageIO knows the reader by. */
    final String readerName;

    ImageFormat(String readerName) {
        this.readerName = readerName;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String FIELD = "file";

    /** The format the content is, from its magic bytes; a refusal naming {@code file} otherwise. */
    static ImageFormat of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (b.length >= 8 && java.util.Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return PNG;
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        throw ApiError.unsupportedMediaType(FIELD, "is not a JPEG, PNG or WebP image (judged by its content"
                + (looksLikeMarkup(b, 0) ? ", which is markup such as SVG or HTML" : "") + ")");
    }

    /** Checks that the file is whole and has no other file after its end. */
    void requireWhole(byte[] b) {
        int end = switch (this) {
            case JPEG -> jpegEnd(b);
            case PNG -> pngEnd(b);
            case WEBP -> webpEnd(b);
        };
        trailingFormat(b, end).ifPresent(other -> {
            throw ApiError.invalid(FIELD, "has " + other + " appended after the image; send the photo alone");
        });
    }

    private static ApiError truncated() {
        return ApiError.invalid(FIELD, "is cut short or damaged: the image does not end where it should");
    }

    /** Walks the markers to the end of image (EOI), through the entropy-coded data of every scan. */
    private static int jpegEnd(byte[] b) {
        int i = 2;
        while (true) {
            if (i >= b.length || (b[i] & 0xff) != 0xff) {
                throw truncated();
            }
            while (i < b.length && (b[i] & 0xff) == 0xff) {
                i++;
            }
            if (i >= b.length) {
                throw truncated();
            }
            int marker = b[i++] & 0xff;
            if (marker == 0xd9) {
                return i;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue;
            }
            if (i + 2 > b.length) {
                throw truncated();
            }
            int length = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            if (length < 2 || i + length > b.length) {
                throw truncated();
            }
            i += length;
            if (marker == 0xda) {
                i = scanEnd(b, i);
            }
        }
    }

    /** The position of the marker that ends a scan's entropy-coded data (stuffed bytes and restarts skipped). */
    private static int scanEnd(byte[] b, int i) {
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                i++;
                continue;
            }
            int next = b[i + 1] & 0xff;
            if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
                i += 2;
            } else if (next == 0xff) {
                i++;
            } else {
                return i;
            }
        }
        throw truncated();
    }

    /** Walks the chunks from IHDR to IEND. */
    private static int pngEnd(byte[] b) {
        int i = 8;
        boolean first = true;
        while (true) {
            if (i + 12 > b.length) {
                throw truncated();
            }
            long length = ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
                    | (b[i + 3] & 0xff);
            String type = ascii(b, i + 4, 4);
            if (first && !type.equals("IHDR")) {
                throw ApiError.invalid(FIELD, "is not a valid PNG image: it does not start with its header");
            }
            first = false;
            if (length > b.length - i - 12L) {
                throw truncated();
            }
            i += 12 + (int) length;
            if (type.equals("IEND")) {
                return i;
            }
        }
    }

    /** The RIFF container says its own length: the file must hold at least that much. */
    private static int webpEnd(byte[] b) {
        long size = (b[4] & 0xffL) | ((b[5] & 0xffL) << 8) | ((b[6] & 0xffL) << 16) | ((b[7] & 0xffL) << 24);
        long end = 8 + size + (size & 1);
        if (size < 4 || 8 + size > b.length) {
            throw truncated();
        }
        return (int) Math.min(end, b.length);
    }

    /** What other kind of file, if any, follows the image's end. */
    private static Optional<String> trailingFormat(byte[] b, int end) {
        if (end >= b.length) {
            return Optional.empty();
        }
        String tail = new String(b, end, b.length - end, StandardCharsets.ISO_8859_1);
        if (tail.contains("PK\u0003\u0004") || tail.contains("PK\u0005\u0006") || tail.contains("PK\u0001\u0002")) {
            return Optional.of("a ZIP archive");
        }
        if (tail.contains("%PDF")) {
            return Optional.of("a PDF document");
        }
        if (tail.contains("GIF87a") || tail.contains("GIF89a")) {
            return Optional.of("a GIF image");
        }
        String lower = tail.toLowerCase(Locale.ROOT);
        for (String markup : new String[] {"<html", "<script", "<svg", "<?xml", "<!doctype", "<body", "<iframe"}) {
            if (lower.contains(markup)) {
                return Optional.of("an HTML, SVG or XML document");
            }
        }
        if (looksLikeMarkup(b, end)) {
            return Optional.of("an HTML, SVG or XML document");
        }
        return Optional.empty();
    }

    /** Text that starts, after white space, with a tag. */
    private static boolean looksLikeMarkup(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || (b[i] & 0xff) == 0xef
                || (b[i] & 0xff) == 0xbb || (b[i] & 0xff) == 0xbf)) {
            i++;
        }
        return i + 1 < b.length && b[i] == '<' && (Character.isLetter(b[i + 1]) || b[i + 1] == '?' || b[i + 1] == '!');
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
