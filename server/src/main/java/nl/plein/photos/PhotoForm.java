package nl.plein.photos;

import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import nl.plein.http.ApiError;

/**
 * An upload's form ({@code multipart/form-data} with {@code file} and {@code alt}), read with limits
 * of its own: the photo limit is larger than what other bodies may be, so this form is parsed here,
 * with the limit told to Jetty's parser, rather than through the server-wide body limit.
 */
record PhotoForm(byte[] file, String alt) {
    static final Set<String> FIELDS = Set.of("file", "alt");
    /** Room beside the file for the alt text and the form's own headers and boundaries. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temporary file until read. */
    private static final int IN_MEMORY = 256 * 1024;

    static PhotoForm read(Context ctx, long maxBytes, int maxAlt) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("multipart/form-data")) {
            throw ApiError.unsupportedMediaType("file", "send the photo as multipart/form-data with the fields"
                    + " file and alt, not " + (type == null ? "no Content-Type" : "'" + base + "'"));
        }
        if (ctx.contentLength() > maxBytes + FORM_OVERHEAD) {
            throw ApiError.tooLarge("file", maxBytes);
        }
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), maxBytes, maxBytes + FORM_OVERHEAD, IN_MEMORY));
        java.util.Collection<Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (Exception e) {
            if (tooLarge(e)) {
                throw ApiError.tooLarge("file", maxBytes);
            }
            throw ApiError.invalid("file", "the form could not be read: send multipart/form-data with file and alt");
        }
        Part file = null;
        Part alt = null;
        for (Part part : parts) {
            if (!FIELDS.contains(part.getName())) {
                throw ApiError.invalid(part.getName(), "unknown field; allowed: alt, file");
            }
            if ((part.getName().equals("file") ? file : alt) != null) {
                throw ApiError.invalid(part.getName(), "is sent more than once");
            }
            if (part.getName().equals("file")) {
                file = part;
            } else {
                alt = part;
            }
        }
        String altText = altText(alt, maxAlt);
        if (file == null || file.getSize() == 0) {
            throw ApiError.invalid("file", "is required: choose a photo");
        }
        if (file.getSize() > maxBytes) {
            throw ApiError.tooLarge("file", maxBytes);
        }
        try (InputStream in = file.getInputStream()) {
            return new PhotoForm(in.readNBytes((int) file.getSize()), altText);
        } catch (IOException e) {
            throw ApiError.invalid("file", "could not be read");
        } finally {
            deleteQuietly(file);
        }
    }

    /** Whether the parser gave up because a part or the whole form was over its limit. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("exceed") || message.contains("too large") || message.contains("max file size")
                    || message.contains("413")) {
                return true;
            }
        }
        return false;
    }

    private static String altText(Part alt, int maxAlt) {
        if (alt == null) {
            throw ApiError.invalid("alt", "is required: say what the photo shows, for who cannot see it");
        }
        if (alt.getSize() > maxAlt * 4L) {
            throw ApiError.invalid("alt", "is longer than " + maxAlt + " characters");
        }
        String text;
        try (InputStream in = alt.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw ApiError.invalid("alt", "could not be read");
        }
        if (text.isEmpty()) {
            throw ApiError.invalid("alt", "is required: say what the photo shows, for who cannot see it");
        }
        if (text.codePointCount(0, text.length()) > maxAlt) {
            throw ApiError.invalid("alt", "is longer than " + maxAlt + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiError.invalid("alt", "contains control characters");
        }
        return text;
    }

    private static void deleteQuietly(Part part) {
        try {
            part.delete();
        } catch (IOException e) {
            // The container removes its temporary files at the end of the request as well.
        }
    }
}
