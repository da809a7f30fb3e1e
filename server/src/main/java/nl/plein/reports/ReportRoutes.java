package nl.plein.reports;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.plein.config.Config;
import nl.plein.http.Choices;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.Language;

/**
 * The printable report of a project, as an HTML page anyone may read (it shows public data only),
 * in the language asked for with {@code ?lang=}, else the browser's, else the server's default.
 */
public final class ReportRoutes {
    private final ReportBuilder builder;
    private final ReportPage page;
    private final Language defaultLanguage;
    private final String css;

    public ReportRoutes(ReportBuilder builder, ReportPage page, String defaultLanguage) {
        this.builder = builder;
        this.page = page;
        this.defaultLanguage = Choices.parse("PLEIN_DEFAULT_LANGUAGE", defaultLanguage, Language.class);
        try (InputStream in = ReportRoutes.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the build");
            }
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read report.css", e);
        }
    }

    /** A page for one thing named by {@code {id}} in the path, in a language. */
    public interface Page {
        String html(long id, Language language);
    }

    public void project(Context ctx) {
        page(ctx, "Project", (id, language) -> page.render(builder.build(id), language));
    }

    /** Serves {@code page} for the path's {@code {id}} (a {@code noun} in messages), in the reader's language. */
    public void page(Context ctx, String noun, Page page) {
        var query = Query.of(ctx, "lang");
        long id = Requests.pathId(ctx, "id", noun);
        Language language = language(ctx, query);
        String html = page.html(id, language);
        ctx.header("Content-Language", language.name().toLowerCase(Locale.ROOT));
        ctx.header("Vary", "Accept-Language");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    public void css(Context ctx) {
        Query.of(ctx);
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(css);
    }

    /** {@code ?lang=nl|en}; without it the first of the browser's languages Plein speaks; else the default. */
    private Language language(Context ctx, Query query) {
        var asked = query.text("lang", 8);
        if (asked.isPresent()) {
            return Choices.parse("lang", asked.get(), Language.class);
        }
        String header = ctx.header("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (var range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && Config.LANGUAGES.contains(tag)) {
                        return Choices.parse("Accept-Language", tag, Language.class);
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is ignored, as browsers' headers are a hint, not a request.
            }
        }
        return defaultLanguage;
    }

}
