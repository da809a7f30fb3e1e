package nl.plein.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import nl.plein.http.Choices;
import nl.plein.projects.Language;
import nl.plein.proposals.Status;
import nl.plein.reports.MapDrawing.Drawing;
import nl.plein.reports.MapDrawing.LayerCount;
import nl.plein.reports.MapDrawing.LegendEntry;
import nl.plein.reports.MapDrawing.Shape;

/**
 * How printed maps look: the symbols of each layer (chosen to stay apart in grey print: colours of
 * distinct lightness, dash patterns, hatching) and the SVG document with its title, description,
 * legend, scale bar and north arrow. Only presentation attributes, no style attributes: Plein's
 * Content-Security-Policy allows no inline styles.
 */
public final class MapSvg {
    /** Light to dark, so classes stay apart printed in grey. */
    static final List<String> CHOROPLETH = List.of("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5");
    static final int HIDDEN = -1;
    static final int UNKNOWN = -2;
    /**
     * Gi* classes -3 … 3: the analysis page's reds and blues, but of distinct lightness, so that no
     * two classes print as the same grey. Hot and cold alternate from dark to light (3, -3, 2, -2, 1,
     * -1, 0: relative luminance about 0.05, 0.09, 0.16, 0.25, 0.39, 0.59, 0.93 with the cold spots'
     * hatching), and cold spots are hatched as well, so that sign and confidence both read in grey.
     */
    static final List<String> HOTSPOT = List.of("#2c5f9e", "#5c9ccc", "#c2e0f4", "#f7f7f7", "#ee8e72", "#cb3a2c",
            "#7f0010");
    /** The cold spots' hatching: thin black lines, a sixth of the cell, against the class's blue. */
    private static final double COLD_HATCH_WIDTH = 1;
    /** Published … realised: lightness falls step by step, and lines and outlines differ in dash too. */
    private static final List<String> STATUS_COLOUR = List.of("#c8e020", "#5ec962", "#21918c", "#3b528b", "#440154");
    private static final List<String> STATUS_DASH = List.of("", "8 3", "2 2", "10 3 2 3", "1 3");
    private static final String CLUSTER = "#d95f02";
    private static final String CHOSEN = "#e7298a";
    private static final String VARIANT = "#7570b3";
    private static final String PIN = "#b2182b";
    /**
     * A vote's items: funded dark and solid, not funded light with a dashed dark edge (apart in grey
     * print and in colour), and before the count one purple of its own, solid.
     */
    private static final String VOTE_FUNDED = "#1b7837";
    private static final String VOTE_UNFUNDED = "#d9d9d9";
    private static final String VOTE_UNFUNDED_DASH = "4 3";
    private static final String VOTE_ITEM = "#762a83";
    private static final double ROW = 22;
    /** Room to the right of the map for the legend, in drawing units. */
    static final double LEGEND_WIDTH = 280;
    /**
     * The most characters on a line of the legend. Its words run from 44 units right of the map to
     * 8 short of the drawing's edge (228 units) at 14 units a character; a sans-serif character takes
     * up to about 0.62 of that on average (DejaVu Sans' digits 0.64), so 26 fit. Longer words wrap
     * onto more lines: past the edge, the SVG's own box would cut them off, on screen and on paper.
     */
    static final int LEGEND_LINE = 26;
    private static final double LINE = 16;
    private static final int LABEL_LENGTH = 40;

    private MapSvg() {
    }

    /** Collects the layers' SVG, legend rows and counts while a map is drawn. */
    record Layers(String id, StringBuilder body, List<LegendEntry> legend, List<LayerCount> counts) {
        void choropleth(List<Shape> shapes, double[] breaks, double lowest) {
            body.append("<g class=\"layer-participation\">");
            boolean hidden = false;
            boolean unknown = false;
            for (Shape s : shapes) {
                String fill = switch (s.cls()) {
                    case HIDDEN -> "url(#" + id + "-hatch)";
                    case UNKNOWN -> "url(#" + id + "-unknown)";
                    default -> CHOROPLETH.get(s.cls());
                };
                hidden |= s.cls() == HIDDEN;
                unknown |= s.cls() == UNKNOWN;
                shape(s, "fill=\"" + fill + "\" stroke=\"#737373\" stroke-width=\"0.6\"", 0);
            }
            body.append("</g>");
            for (int k = 0; k < breaks.length; k++) {
                // Each class runs from above the bound of the one before it (the first from the lowest rate).
                legend.add(new LegendEntry("fill", CHOROPLETH.get(k), "", k == 0 ? "legend.rate" : "legend.rateAbove",
                        List.of(k == 0 ? lowest : breaks[k - 1], breaks[k])));
            }
            if (hidden) {
                legend.add(new LegendEntry("fill", "url(#" + id + "-hatch)", "", "legend.hidden", List.of()));
            }
            if (unknown) {
                legend.add(new LegendEntry("fill", "url(#" + id + "-unknown)", "", "legend.unknown", List.of()));
            }
            counts.add(new LayerCount("participation", shapes.size()));
        }

        void hotspots(List<Shape> shapes) {
            body.append("<g class=\"layer-hotspots\">");
            for (Shape s : shapes) {
                shape(s, "fill=\"" + hotspotFill(id, s.cls()) + "\" stroke=\"#969696\" stroke-width=\"0.4\"", 0);
            }
            body.append("</g>");
            for (int cls = 3; cls >= -3; cls--) {
                legend.add(new LegendEntry("fill", hotspotFill(id, cls), "", "legend.hotspot" + cls, List.of()));
            }
            counts.add(new LayerCount("hotspots", shapes.size()));
        }

        void boundaries(List<Shape> shapes) {
            body.append("<g class=\"layer-boundaries\">");
            shapes.forEach(s -> shape(s, "fill=\"none\" stroke=\"#525252\" stroke-width=\"0.8\"", 0));
            body.append("</g>");
            legend.add(new LegendEntry("line", "#525252", "", "legend.boundaries", List.of()));
            counts.add(new LayerCount("boundaries", shapes.size()));
        }

        void outline(List<Shape> shapes) {
            body.append("<g class=\"layer-outline\">");
            shapes.forEach(s -> shape(s, "fill=\"none\" stroke=\"#000\" stroke-width=\"2\"", 0));
            body.append("</g>");
            legend.add(new LegendEntry("line", "#000", "", "legend.outline", List.of()));
            counts.add(new LayerCount("outline", shapes.size()));
        }

        void proposals(List<Shape> shapes, List<Status> statuses) {
            body.append("<g class=\"layer-proposals\">");
            for (Shape s : shapes) {
                Status status = statuses.get(s.cls() - 1);
                int k = status.ordinal() - 1;
                String colour = STATUS_COLOUR.get(k);
                String dash = STATUS_DASH.get(k).isEmpty() ? "" : " stroke-dasharray=\"" + STATUS_DASH.get(k) + "\"";
                String look = s.type().endsWith("LINESTRING")
                        ? "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"3\"" + dash
                        : "fill=\"" + colour + "\" fill-opacity=\"0.75\" stroke=\"#252525\" stroke-width=\"1\"" + dash;
                shape(s, look + " data-status=\"" + Choices.wire(status) + "\"", 5);
            }
            body.append("</g>");
            for (Status status : statuses) {
                int k = status.ordinal() - 1;
                legend.add(new LegendEntry("status", STATUS_COLOUR.get(k), STATUS_DASH.get(k),
                        "status." + Choices.wire(status), List.of()));
            }
            counts.add(new LayerCount("proposals", shapes.size()));
        }

        void clusters(List<Shape> shapes) {
            body.append("<g class=\"layer-clusters\">");
            for (Shape s : shapes) {
                shape(s, "fill=\"" + CLUSTER + "\" fill-opacity=\"0.08\" stroke=\"" + CLUSTER
                        + "\" stroke-width=\"2.5\" stroke-dasharray=\"8 4\"", 6);
            }
            for (Shape s : shapes) {
                body.append("<g class=\"cluster-label\"><circle cx=\"").append(s.x()).append("\" cy=\"").append(s.y())
                        .append("\" r=\"11\" fill=\"#fff\" stroke=\"").append(CLUSTER).append("\" stroke-width=\"2\"/>")
                        .append("<text x=\"").append(s.x()).append("\" y=\"").append(s.y() + 5)
                        .append("\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#000\">")
                        .append(Markup.escape(s.label())).append("</text></g>");
            }
            body.append("</g>");
            legend.add(new LegendEntry("line", CLUSTER, "8 4", "legend.cluster", List.of()));
            counts.add(new LayerCount("clusters", shapes.size()));
        }

        void chosen(List<Shape> shapes, boolean variants) {
            body.append("<g class=\"layer-chosen\">");
            for (Shape s : shapes) {
                boolean variant = s.kind().equals("variant");
                String look = variant
                        ? "fill=\"none\" stroke=\"" + VARIANT + "\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\""
                        : "fill=\"" + CHOSEN + "\" fill-opacity=\"0.3\" stroke=\"" + CHOSEN + "\" stroke-width=\"3\"";
                shape(s, look + " data-kind=\"" + s.kind() + "\"", 7);
            }
            for (Shape s : shapes) {
                String label = s.label().length() > LABEL_LENGTH ? s.label().substring(0, LABEL_LENGTH - 1) + "…"
                        : s.label();
                body.append("<text class=\"chosen-label\" x=\"").append(s.x() + 9).append("\" y=\"").append(s.y() - 6)
                        .append("\" font-size=\"13\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"3\"")
                        .append(" paint-order=\"stroke\">").append(Markup.escape(label)).append("</text>");
            }
            body.append("</g>");
            legend.add(new LegendEntry("fill", CHOSEN, "", "legend.chosen", List.of()));
            if (variants) {
                legend.add(new LegendEntry("line", VARIANT, "5 3", "legend.variant", List.of()));
            }
            counts.add(new LayerCount("chosen", shapes.size()));
        }

        /**
         * A budget vote's items, classed 1 funded, 0 not funded and 2 not yet counted; {@code rule}
         * is the vote's rule (wire name) once counted, null before.
         */
        void vote(List<Shape> shapes, String rule) {
            body.append("<g class=\"layer-vote\">");
            for (Shape s : shapes) {
                boolean unfunded = s.cls() == 0;
                String colour = s.cls() == 1 ? VOTE_FUNDED : unfunded ? VOTE_UNFUNDED : VOTE_ITEM;
                String dash = unfunded ? " stroke-dasharray=\"" + VOTE_UNFUNDED_DASH + "\"" : "";
                // A light line would vanish on paper: an unfunded line is drawn in the dark edge colour.
                String look = s.type().endsWith("LINESTRING")
                        ? "fill=\"none\" stroke=\"" + (unfunded ? "#252525" : colour) + "\" stroke-width=\"4\"" + dash
                        : "fill=\"" + colour + "\" fill-opacity=\"0.6\" stroke=\"#252525\" stroke-width=\"1.5\"" + dash;
                String state = s.cls() == 1 ? "funded" : s.cls() == 0 ? "unfunded" : "item";
                shape(s, look + " data-vote=\"" + state + "\"", 6);
            }
            body.append("</g>");
            if (rule == null) {
                legend.add(new LegendEntry("status", VOTE_ITEM, "", "legend.voteItem", List.of()));
            } else {
                legend.add(new LegendEntry("status", VOTE_FUNDED, "", "legend.voteFunded." + rule, List.of()));
                legend.add(new LegendEntry("status", VOTE_UNFUNDED, VOTE_UNFUNDED_DASH, "legend.voteUnfunded", List.of()));
            }
            counts.add(new LayerCount("vote", shapes.size()));
        }

        /**
         * A question's pins: a mark for every pin, dark red ringed in white so that it reads over
         * any layer and in grey, and where several share a place, how many beside it.
         */
        void pins(List<Shape> shapes) {
            body.append("<g class=\"layer-pins\">");
            for (Shape s : shapes) {
                shape(s, "class=\"pin-mark\" fill=\"" + PIN + "\" stroke=\"#fff\" stroke-width=\"2\"", 6);
            }
            var labelled = new HashSet<String>();
            for (Shape s : shapes) {
                if (!"1".equals(s.label()) && labelled.add(s.x() + " " + s.y())) {
                    body.append("<text class=\"pin-count\" x=\"").append(n(s.x() + 9)).append("\" y=\"")
                            .append(n(s.y() + 5)).append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#000\"")
                            .append(" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">×")
                            .append(Markup.escape(s.label())).append("</text>");
                }
            }
            body.append("</g>");
            legend.add(new LegendEntry("pin", PIN, "", "legend.pin", List.of()));
            counts.add(new LayerCount("pins", shapes.size()));
        }

        /** One shape: a marker of radius {@code r} for a point, a path otherwise. */
        private void shape(Shape s, String look, double r) {
            if (s.type().equals("POINT")) {
                body.append("<circle cx=\"").append(s.x()).append("\" cy=\"").append(s.y()).append("\" r=\"")
                        .append(n(r)).append("\" ").append(look).append("/>");
            } else {
                body.append("<path d=\"").append(s.path().trim()).append("\" fill-rule=\"evenodd\" ").append(look)
                        .append("/>");
            }
        }

        /** The frame is drawn last, over the edges of clipped shapes. */
        void frame(double width, double height) {
            body.append("<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"").append(width - 1).append("\" height=\"")
                    .append(height - 1).append("\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\"/>");
        }
    }

    /** A Gi* class's fill: its colour, or for a cold spot its hatching over that colour. */
    static String hotspotFill(String id, int cls) {
        return cls < 0 ? "url(#" + id + "-cold" + (-cls) + ")" : HOTSPOT.get(cls + 3);
    }

    /** The cold spots' hatchings, lines the other way round from the choropleth's hidden areas. */
    private static void hotspotPatterns(StringBuilder out, String id) {
        for (int k = 1; k <= 3; k++) {
            out.append("<pattern id=\"").append(id).append("-cold").append(k).append("\" width=\"6\" height=\"6\"")
                    .append(" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">")
                    .append("<rect width=\"6\" height=\"6\" fill=\"").append(HOTSPOT.get(3 - k)).append("\"/>")
                    .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"")
                    .append(n(COLD_HATCH_WIDTH)).append("\"/></pattern>");
        }
    }

    /** The whole SVG document of a drawing, in a language, titled by its subject and the project's title. */
    public static String svg(Drawing d, Language language) {
        return svg(d, language, Messages.of(language).text(d.subject()) + " – " + d.projectTitle());
    }

    /** The same with a title of the caller's, such as a slide's (user text: it is escaped here). */
    public static String svg(Drawing d, Language language, String title) {
        var m = Messages.of(language);
        String id = d.id();
        double legendTop = MapDrawing.PAD + 4;
        double width = d.width() + LEGEND_WIDTH;
        var lines = d.legend().stream().map(e -> wrap(legendText(e, m), LEGEND_LINE)).toList();
        double legendHeight = lines.stream().mapToDouble(l -> ROW + (l.size() - 1) * LINE).sum();
        double height = Math.max(d.mapHeight(), legendTop + legendHeight + 6);
        var out = new StringBuilder(d.body().length() + 4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" role=\"img\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" font-family=\"sans-serif\">")
                .append("<title id=\"").append(id).append("-title\">").append(Markup.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(Markup.escape(description(d, m)))
                .append("</desc>")
                .append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\"")
                .append(" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#fff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#404040\" stroke-width=\"2\"/></pattern>")
                .append("<pattern id=\"").append(id).append("-unknown\" width=\"6\" height=\"6\"")
                .append(" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>")
                .append("<circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"#404040\"/></pattern>");
        if (d.counts().stream().anyMatch(c -> c.layer().equals("hotspots"))) {
            hotspotPatterns(out, id);
        }
        out.append("</defs>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" fill=\"#fff\"/>")
                .append(d.body());
        scaleBar(out, d);
        northArrow(out, d);
        legend(out, d, lines, legendTop);
        return out.append("</svg>").toString();
    }

    private static String description(Drawing d, Messages m) {
        var parts = new ArrayList<String>();
        for (var count : d.counts()) {
            parts.add(m.text("layer." + count.layer(), "count", count.shapes()));
        }
        return m.text("map.description", "layers", String.join("; ", parts), "scale", scaleText(d));
    }

    private static String scaleText(Drawing d) {
        double metres = d.scaleBarMetres();
        return metres >= 1000 ? n(metres / 1000) + " km" : n(metres) + " m";
    }

    private static void scaleBar(StringBuilder out, Drawing d) {
        double x = MapDrawing.PAD + 8;
        double y = d.mapHeight() - MapDrawing.PAD - 10;
        double w = d.scaleBarLength();
        out.append("<g class=\"scale-bar\"><rect x=\"").append(n(x - 4)).append("\" y=\"").append(n(y - 20))
                .append("\" width=\"").append(n(w + 8 + 50)).append("\" height=\"28\" fill=\"#fff\" fill-opacity=\"0.85\"/>")
                .append("<path d=\"M").append(n(x)).append(' ').append(n(y - 6)).append(" V").append(n(y)).append(" H")
                .append(n(x + w)).append(" V").append(n(y - 6)).append("\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>")
                .append("<text x=\"").append(n(x + w + 6)).append("\" y=\"").append(n(y))
                .append("\" font-size=\"13\" fill=\"#000\">").append(scaleText(d)).append("</text></g>");
    }

    private static void northArrow(StringBuilder out, Drawing d) {
        double x = d.width() - MapDrawing.PAD - 16;
        double y = MapDrawing.PAD + 8;
        out.append("<g class=\"north-arrow\"><path d=\"M").append(n(x)).append(' ').append(n(y)).append(" L")
                .append(n(x + 7)).append(' ').append(n(y + 20)).append(" L").append(n(x)).append(' ').append(n(y + 15))
                .append(" L").append(n(x - 7)).append(' ').append(n(y + 20))
                .append(" Z\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"1\"/>")
                .append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + 34))
                .append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#000\">N</text></g>");
    }

    private static void legend(StringBuilder out, Drawing d, List<List<String>> lines, double top) {
        out.append("<g class=\"legend\">");
        double x = d.width() + 12;
        double y = top;
        for (int i = 0; i < d.legend().size(); i++) {
            var e = d.legend().get(i);
            String dash = e.dash().isEmpty() ? "" : " stroke-dasharray=\"" + e.dash() + "\"";
            switch (e.symbol()) {
                case "line" -> out.append("<path d=\"M").append(n(x)).append(' ').append(n(y + 8)).append(" H")
                        .append(n(x + 24)).append("\" stroke=\"").append(e.colour()).append("\" stroke-width=\"3\"")
                        .append(dash).append(" fill=\"none\"/>");
                case "pin" -> out.append("<circle cx=\"").append(n(x + 12)).append("\" cy=\"").append(n(y + 8))
                        .append("\" r=\"6\" fill=\"").append(e.colour()).append("\" stroke=\"#fff\" stroke-width=\"2\"/>");
                case "status" -> out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                        .append("\" width=\"24\" height=\"16\" fill=\"").append(e.colour())
                        .append("\" stroke=\"#252525\" stroke-width=\"1.5\"").append(dash).append("/>");
                default -> out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                        .append("\" width=\"24\" height=\"16\" fill=\"").append(e.colour())
                        .append("\" stroke=\"#737373\" stroke-width=\"0.6\"/>");
            }
            out.append("<text font-size=\"14\" fill=\"#000\">");
            for (int k = 0; k < lines.get(i).size(); k++) {
                out.append("<tspan x=\"").append(n(x + 32)).append("\" y=\"").append(n(y + 13 + k * LINE)).append("\">")
                        .append(Markup.escape(lines.get(i).get(k))).append("</tspan>");
            }
            out.append("</text>");
            y += ROW + (lines.get(i).size() - 1) * LINE;
        }
        out.append("</g>");
    }

    /** Words on lines of at most {@code max} characters; a longer word is cut over lines. */
    static List<String> wrap(String text, int max) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > max) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, max - 1) + "-");
                word = word.substring(max - 1);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String legendText(LegendEntry e, Messages m) {
        if (e.numbers().size() == 2) {
            String from = m.number(e.numbers().get(0), 1);
            String to = m.number(e.numbers().get(1), 1);
            return from.equals(to) ? m.text(e.key() + "One", "value", to) : m.text(e.key(), "from", from, "to", to);
        }
        return m.text(e.key());
    }

    /** A coordinate or length as SVG wants it: at most one decimal, a point as separator. */
    static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
