package nl.plein.budgets.results;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import nl.plein.accounts.Access;
import nl.plein.http.ApiError;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;
import org.jdbi.v3.core.Jdbi;

/**
 * Pabulib in and out over HTTP: a counted vote's pot as a {@code .pb} file, and a published
 * instance imported as a read-only vote. Both for planners. An instance may be far larger than what
 * residents may send (tens of thousands of votes), so its body is read here up to the limit for data
 * files (PLEIN_MAX_BOUNDARY_BYTES), not the general body limit.
 */
public final class PabulibRoutes {
    private final Results results;
    private final PabulibExport export;
    private final PabulibImport importer;
    private final ProjectStore projects;
    private final long maxBytes;

    public PabulibRoutes(Jdbi jdbi, Results results, ProjectStore projects, long maxBytes) {
        this.results = results;
        this.export = new PabulibExport(jdbi);
        this.importer = new PabulibImport(jdbi);
        this.projects = projects;
        this.maxBytes = maxBytes;
    }

    /** GET /api/votes/{id}/pabulib[?potId=]: one pot of a counted vote as a .pb file. */
    public void export(Context ctx) {
        var query = Query.of(ctx, "potId");
        Long pot = query.id("potId").orElse(null);
        var facts = results.counted(Requests.pathId(ctx, "id", "Vote"));
        var file = export.write(facts, pot);
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        GeoJson.send(ctx, "text/plain; charset=utf-8", file.text());
    }

    /** POST /api/projects/{id}/votes/pabulib: the body (a .pb file) becomes a read-only, counted vote. */
    public void importInstance(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        String text = text(ctx);
        long account = Access.viewer(ctx).requireAccount();
        var vote = importer.importInstance(projectId, account, text);
        ctx.status(201);
        ctx.header("Location", "/api/votes/" + vote.get("id").asLong());
        ctx.contentType("application/json").result(Json.write(vote));
    }

    private String text(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("text/plain")) {
            throw ApiError.invalid("Content-Type", "send the .pb file as text/plain; charset=utf-8, not "
                    + (type == null ? "without a type" : "'" + base + "'"));
        }
        if (ctx.contentLength() > maxBytes) {
            throw ApiError.tooLarge(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw ApiError.invalid("body", "the body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw ApiError.tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw ApiError.invalid("body", "is empty; send the text of a .pb file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.invalid("body", "is not UTF-8 text");
        }
    }
}
