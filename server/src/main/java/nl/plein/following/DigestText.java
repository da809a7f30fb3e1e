package nl.plein.following;

import java.util.List;
import java.util.Map;

/**
 * The digest's words in Dutch and English: the subject, one line per notification with its link,
 * and the footer that says how to stop. Plain text, so nothing in a title can become markup.
 */
final class DigestText {
    private static final int EXCERPT = 200;

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "nl", Map.ofEntries(
                    Map.entry("subject.one", "Plein: 1 nieuw bericht over wat u volgt"),
                    Map.entry("subject.many", "Plein: %d nieuwe berichten over wat u volgt"),
                    Map.entry("greeting", "Dit is er gebeurd bij wat u volgt op Plein:"),
                    Map.entry("decision", "Besluit over ‘%s’: %s."),
                    Map.entry("step", "Uitvoering van ‘%s’: %s."),
                    Map.entry("comment", "Nieuwe reactie op ‘%s’."),
                    Map.entry("vote_opened", "De stemming ‘%s’ is open."),
                    Map.entry("vote_closed", "De stemming ‘%s’ is gesloten."),
                    Map.entry("work", "Nieuw werk: ‘%s’."),
                    Map.entry("more", "En nog %d meer; alles staat op %s"),
                    Map.entry("footer.page", "Alles wat u volgt: %s"),
                    Map.entry("footer.stop", "Geen e-mail meer van Plein? Klik hier (zonder in te loggen): %s"),
                    Map.entry("submitted", "ingediend"), Map.entry("published", "gepubliceerd"),
                    Map.entry("under_consideration", "in behandeling"), Map.entry("accepted", "aangenomen"),
                    Map.entry("rejected", "afgewezen"), Map.entry("realised", "gerealiseerd"),
                    Map.entry("design", "ontwerp"), Map.entry("tender", "aanbesteding"),
                    Map.entry("construction", "aanleg"), Map.entry("done", "klaar"),
                    Map.entry("cancelled", "geannuleerd"), Map.entry("update", "nieuws")),
            "en", Map.ofEntries(
                    Map.entry("subject.one", "Plein: 1 new notice about what you follow"),
                    Map.entry("subject.many", "Plein: %d new notices about what you follow"),
                    Map.entry("greeting", "This happened to what you follow on Plein:"),
                    Map.entry("decision", "Decision on ‘%s’: %s."),
                    Map.entry("step", "Carrying out ‘%s’: %s."),
                    Map.entry("comment", "New comment on ‘%s’."),
                    Map.entry("vote_opened", "The vote ‘%s’ is open."),
                    Map.entry("vote_closed", "The vote ‘%s’ has closed."),
                    Map.entry("work", "New work: ‘%s’."),
                    Map.entry("more", "And %d more; everything is at %s"),
                    Map.entry("footer.page", "Everything you follow: %s"),
                    Map.entry("footer.stop", "No more e-mail from Plein? Click here (no sign-in needed): %s"),
                    Map.entry("submitted", "submitted"), Map.entry("published", "published"),
                    Map.entry("under_consideration", "under consideration"), Map.entry("accepted", "accepted"),
                    Map.entry("rejected", "rejected"), Map.entry("realised", "realised"),
                    Map.entry("design", "design"), Map.entry("tender", "tender"),
                    Map.entry("construction", "construction"), Map.entry("done", "done"),
                    Map.entry("cancelled", "cancelled"), Map.entry("update", "update")));

    private final Map<String, String> words;
    private final String baseUrl;

    DigestText(String language, String baseUrl) {
        this.words = WORDS.getOrDefault(language, WORDS.get("nl"));
        this.baseUrl = baseUrl;
    }

    String subject(int count) {
        return count == 1 ? words.get("subject.one") : String.format(words.get("subject.many"), count);
    }

    /** The whole text: one paragraph per notification (newest first), then how to see all and stop. */
    String body(List<Notification> shown, int total, String unsubscribeUrl) {
        var text = new StringBuilder(words.get("greeting")).append("\n\n");
        for (Notification n : shown) {
            text.append("* ").append(line(n)).append('\n');
            if (!n.detail().isBlank()) {
                text.append("  ").append(excerpt(n.detail())).append('\n');
            }
            text.append("  ").append(link(n)).append("\n\n");
        }
        String page = baseUrl + "/#/following";
        if (total > shown.size()) {
            text.append(String.format(words.get("more"), total - shown.size(), page)).append("\n\n");
        }
        text.append("-- \n").append(String.format(words.get("footer.page"), page)).append('\n')
                .append(String.format(words.get("footer.stop"), unsubscribeUrl)).append('\n');
        return text.toString();
    }

    private String line(Notification n) {
        return line(n.event(), n.title(), n.status());
    }

    /** One event in a sentence: what happened to which titled thing, with its new status or step. */
    String line(String event, String title, String status) {
        String template = words.get(event);
        if (event.equals("decision") || event.equals("step")) {
            return String.format(template, title, words.getOrDefault(status, status));
        }
        return String.format(template, title);
    }

    private String link(Notification n) {
        return baseUrl + "/#/" + n.kind() + "s/" + n.targetId();
    }

    private static String excerpt(String detail) {
        String flat = detail.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
