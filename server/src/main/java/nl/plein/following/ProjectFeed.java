package nl.plein.following;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.http.Requests;
import org.jdbi.v3.core.Jdbi;

/**
 * A project's public events as an Atom feed (RFC 4287), for feed readers: decisions, steps of works,
 * new works, votes opening and closing. Written with the JDK's XML writer, which escapes every
 * title and text; what only some may see (hidden, withdrawn, unpublished) is never in it.
 */
public final class ProjectFeed {
    private static final String PROJECT = Jdbis.sql(ProjectFeed.class, "feed-project.sql");
    private static final String ENTRIES = Jdbis.sql(ProjectFeed.class, "feed-entries.sql");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRY_LIMIT = 50;
    private static final int SUMMARY = 1000;

    private final Jdbi jdbi;
    private final Config config;

    public ProjectFeed(Jdbi jdbi, Config config) {
        this.jdbi = jdbi;
        this.config = config;
    }

    private record Head(String title, String summary, String language, OffsetDateTime updated) {
    }

    private record Entry(String event, long id, OffsetDateTime at, long targetId, String title, String status,
                         String detail) {
    }

    public void get(Context ctx) {
        nl.plein.http.Query.of(ctx);
        long id = Requests.pathId(ctx, "id", "Project");
        Head head = jdbi.withHandle(h -> h.createQuery(PROJECT).bind("project", id)
                .map((rs, c) -> new Head(rs.getString("title"), rs.getString("summary"), rs.getString("language"),
                        rs.getObject("updated_at", OffsetDateTime.class))).findOne())
                .orElseThrow(() -> ApiError.notFound("Project " + id));
        List<Entry> entries = jdbi.withHandle(h -> h.createQuery(ENTRIES).bind("project", id)
                .bind("limit", ENTRY_LIMIT)
                .map((rs, c) -> new Entry(rs.getString("event"), rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class), rs.getLong("target_id"), rs.getString("title"),
                        rs.getString("status"), rs.getString("detail"))).list());
        String base = config.publicUrl().orElse(ctx.scheme() + "://" + ctx.host());
        try {
            ctx.contentType("application/atom+xml; charset=utf-8").result(xml(base, id, head, entries));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the feed of project " + id, e);
        }
    }

    private static String xml(String base, long id, Head head, List<Entry> entries) throws XMLStreamException {
        var out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        String self = base + "/feeds/projects/" + id + ".atom";
        var text = new DigestText(head.language(), base);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml:lang", head.language());
        element(xml, "id", self);
        element(xml, "title", clean(head.title()));
        if (!head.summary().isBlank()) {
            element(xml, "subtitle", clean(head.summary()));
        }
        OffsetDateTime updated = entries.isEmpty() || entries.get(0).at().isBefore(head.updated())
                ? head.updated() : entries.get(0).at();
        element(xml, "updated", time(updated));
        xml.writeStartElement("author");
        element(xml, "name", "Plein");
        xml.writeEndElement();
        link(xml, "self", self, "application/atom+xml");
        link(xml, "alternate", base + "/#/projects/" + id, "text/html");
        for (Entry e : entries) {
            xml.writeStartElement("entry");
            element(xml, "id", self + "#" + e.event() + "-" + e.id());
            element(xml, "title", clean(text.line(e.event(), e.title(), e.status())));
            element(xml, "updated", time(e.at()));
            link(xml, "alternate", base + "/#/" + path(e), "text/html");
            if (e.detail() != null && !e.detail().isBlank()) {
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(excerpt(e.detail())));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static String path(Entry e) {
        return switch (e.event()) {
            case "decision" -> "proposals/" + e.targetId();
            case "step", "work" -> "works/" + e.targetId();
            default -> "votes/" + e.targetId();
        };
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String excerpt(String detail) {
        return detail.length() <= SUMMARY ? detail : detail.substring(0, SUMMARY - 1) + "…";
    }

    /** The XML writer escapes markup but not characters XML 1.0 forbids (most controls): those go. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
