package nl.plein.following;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.plein.accounts.Role;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each person one e-mail with the notifications not yet e-mailed, in their language, with a
 * one-click unsubscribe link. Each person's mark moves right after their e-mail went out, so a
 * crash in a run sends at most the one e-mail in flight again; a failed send leaves the mark where
 * it was, and the next run tries again. Runs on the jobs' own thread, never on a request's.
 */
public final class EmailDigest {
    private static final Logger log = LoggerFactory.getLogger(EmailDigest.class);
    private static final String DUE = Jdbis.sql(EmailDigest.class, "digest-due.sql");
    private static final String MARK_EMAILED = Jdbis.sql(EmailDigest.class, "mark-emailed.sql");
    /** People read per query; a run goes on until nobody is left. */
    private static final int BATCH = 500;
    /** Notifications listed in one e-mail; the rest are counted, with a link to all of them. */
    static final int SHOWN = 20;

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final String defaultLanguage;
    private final String baseUrl;

    public EmailDigest(Jdbi jdbi, Mailer mailer, String defaultLanguage, String baseUrl) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.defaultLanguage = defaultLanguage;
        this.baseUrl = baseUrl;
    }

    private record Due(long account, String email, Role role, String language, long from, long upTo,
                       String token) {
    }

    /** What one run did. */
    public record Run(int sent, int failed) {
    }

    /** One run: e-mails everyone who has something new, until nobody is left or sending fails. */
    public Run run() {
        int sent = 0;
        int failed = 0;
        try (var connection = mailer.connect()) {
            long after = 0;
            List<Due> batch;
            do {
                batch = due(after);
                for (Due due : batch) {
                    after = due.account();
                    if (send(connection, due)) {
                        sent++;
                    } else {
                        failed++;
                    }
                }
            } while (batch.size() == BATCH);
        } catch (MessagingException e) {
            log.warn("The e-mail digest could not reach the SMTP server ({}); it tries again next run",
                    e.getMessage());
        }
        return new Run(sent, failed);
    }

    private List<Due> due(long afterAccount) {
        return jdbi.withHandle(h -> h.createQuery(DUE)
                .bind("language", defaultLanguage)
                .bind("limit", BATCH)
                .bind("afterAccount", afterAccount)
                .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("email"),
                        Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("language"),
                        rs.getLong("from_id"), rs.getLong("up_to"), rs.getString("unsubscribe_token")))
                .list());
    }

    /** Sends one person's e-mail and moves their mark; false when it failed (tried again next run). */
    private boolean send(Mailer.Connection connection, Due due) {
        var viewer = new Viewer(Optional.of(due.account()), due.role(), Optional.empty(), false);
        List<Notification> notifications = jdbi.withHandle(h -> FollowingStore.notifications(h, viewer,
                due.from(), Optional.of(due.upTo() + 1), SHOWN + 1));
        try {
            if (!notifications.isEmpty()) {
                int total = notifications.size() > SHOWN ? countAll(viewer, due) : notifications.size();
                var shown = notifications.subList(0, Math.min(SHOWN, notifications.size()));
                var text = new DigestText(due.language(), baseUrl);
                String unsubscribe = baseUrl + "/unsubscribe/" + due.token();
                connection.send(new Mailer.Mail(due.email(), text.subject(total),
                        text.body(shown, total, unsubscribe), unsubscribe));
            }
            // Nothing left to show (all hidden since) moves the mark too, without an e-mail.
            jdbi.useHandle(h -> h.createUpdate(MARK_EMAILED).bind("account", due.account())
                    .bind("upTo", due.upTo()).execute());
            return true;
        } catch (MessagingException e) {
            log.warn("The e-mail digest to account {} failed ({}); it is tried again next run", due.account(),
                    e.getMessage());
            return false;
        }
    }

    private int countAll(Viewer viewer, Due due) {
        return jdbi.withHandle(h -> FollowingStore.notifications(h, viewer, due.from(),
                Optional.of(due.upTo() + 1), Integer.MAX_VALUE).size());
    }
}
