package nl.plein.following;

import static nl.plein.support.Fixtures.INSIDE_POINT;
import static nl.plein.support.Fixtures.feature;
import static nl.plein.support.Fixtures.project;
import static nl.plein.support.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.plein.accounts.Role;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail digest against a real SMTP server (GreenMail), and its one-click unsubscribe. */
class EmailDigestTest {
    static final String BASE = "https://plein.example";

    GreenMail smtp;
    TestServer server;
    EmailDigest digest;
    Client admin;
    Client planner;
    Client anna;
    Client bram;
    long projectId;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        // SMTP is configured, so the server says e-mail is available; its own digest would first run
        // in an hour, so the runs here are the test's own.
        server = TestServer.start(smtpSettings(smtp.getSmtp().getPort(), "3600"));
        digest = digest(server.config);
        admin = server.signedIn("admin@mail.example", Role.ADMIN);
        planner = server.signedIn("planner@mail.example", Role.PLANNER);
        anna = server.signedIn("anna@mail.example", Role.RESIDENT);
        bram = server.signedIn("bram@mail.example", Role.RESIDENT);
        projectId = admin.post("/api/projects", project("Park", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    private static Map<String, String> smtpSettings(int port, String digestSeconds) {
        return Map.of("PLEIN_SMTP_HOST", "127.0.0.1", "PLEIN_SMTP_PORT", String.valueOf(port),
                "PLEIN_SMTP_SECURITY", "none", "PLEIN_SMTP_FROM", "plein@city.example",
                "PLEIN_PUBLIC_URL", BASE, "PLEIN_DIGEST_SECONDS", digestSeconds);
    }

    private EmailDigest digest(Config config) {
        return new EmailDigest(Jdbis.create(server.dataSource), new Mailer(config.smtp().orElseThrow()), "nl", BASE);
    }

    private long propose(Client author, String title) {
        return author.post("/api/projects/" + projectId + "/proposals", proposal(INSIDE_POINT, title)).expect(201)
                .json().get("id").asLong();
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        var to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(1, to.size(), "e-mails to " + address);
        return to.get(0);
    }

    @Test
    void everyoneGetsOneEmailWithTheirNewsInTheirLanguageAndNothingTwice() throws Exception {
        long annas = propose(anna, "Bankje bij de vijver");
        bram.put("/api/following/proposal/" + annas, Map.of()).expect(200);
        bram.patch("/api/following/email", Map.of("language", "en")).expect(200);
        bram.post("/api/proposals/" + annas + "/comments", feature(null, Map.of("body", "Goed plan!"))).expect(201);
        planner.post("/api/proposals/" + annas + "/decisions",
                Map.of("status", "under_consideration", "reason", "We bekijken het")).expect(201);

        assertEquals(new EmailDigest.Run(2, 0), digest.run());
        MimeMessage toAnna = onlyMailTo("anna@mail.example");
        assertEquals("Plein: 2 nieuwe berichten over wat u volgt", toAnna.getSubject());
        String body = (String) toAnna.getContent();
        assertTrue(body.contains("Besluit over ‘Bankje bij de vijver’: in behandeling."), body);
        assertTrue(body.contains("Nieuwe reactie op ‘Bankje bij de vijver’."), body);
        assertTrue(body.contains("Goed plan!"), body);
        assertTrue(body.contains(BASE + "/#/proposals/" + annas), body);
        assertTrue(body.indexOf("Besluit") < body.indexOf("Nieuwe reactie"), "newest first: " + body);
        String unsubscribe = toAnna.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.matches("<" + BASE + "/unsubscribe/[0-9a-f]{64}>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", toAnna.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(body.contains(unsubscribe.substring(1, unsubscribe.length() - 1)), "the link is in the text too");

        MimeMessage toBram = onlyMailTo("bram@mail.example");
        assertEquals("Plein: 1 new notice about what you follow", toBram.getSubject());
        assertEquals("plein@city.example", toBram.getFrom()[0].toString());

        assertEquals(new EmailDigest.Run(0, 0), digest.run(), "what went out is not sent again");
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    @Test
    void oneClickUnsubscribesWithoutSigningInAndTheLinkPageOnlyAsks() throws Exception {
        long id = propose(anna, "Bench");
        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Nice"))).expect(201);
        digest.run();
        String header = onlyMailTo("anna@mail.example").getHeader("List-Unsubscribe")[0];
        String path = header.substring(BASE.length() + 1, header.length() - 1);

        var stranger = server.anonymous();
        var page = stranger.get(path).expect(200);
        assertTrue(page.body().contains("<form method=\"post\" action=\"" + path + "\">"), page.body());
        assertTrue(anna.get("/api/following").json().get("email").get("enabled").asBoolean(),
                "opening the link (as mail scanners do) unsubscribes nobody");

        // What a mail program sends for RFC 8058's one-click button: a form POST, no cookies.
        var oneClick = stranger.send(HttpRequest.newBuilder(stranger.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(200, oneClick.status(), oneClick.body());
        assertFalse(anna.get("/api/following").json().get("email").get("enabled").asBoolean());

        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Again"))).expect(201);
        assertEquals(new EmailDigest.Run(0, 0), digest.run());
        assertEquals(1, anna.get("/api/following/unread").json().get("unread").asLong() - 1,
                "the news is still in the app");

        stranger.get("/unsubscribe/" + "0".repeat(64)).expect(404);
        assertEquals(404, stranger.send(HttpRequest.newBuilder(stranger.uri("/unsubscribe/nonsense"))
                .POST(HttpRequest.BodyPublishers.noBody())).status());
    }

    @Test
    void aFailedSendIsTriedAgainNextRunAndHiddenNewsIsNotSent() throws Exception {
        long id = propose(anna, "Bench");
        long rude = bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Rude words")))
                .expect(201).json().get("id").asLong();
        bram.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Kind words"))).expect(201);
        server.signedIn("mod@mail.example", Role.MODERATOR)
                .post("/api/comments/" + rude + "/hide", Map.of("reason", "Personal attack")).expect(201);

        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = Config.fromEnvironment(smtpSettings(closedPort, "3600"));
        assertEquals(new EmailDigest.Run(0, 0), digest(unreachable).run());
        assertEquals(0, smtp.getReceivedMessages().length);

        assertEquals(new EmailDigest.Run(1, 0), digest.run());
        String body = (String) onlyMailTo("anna@mail.example").getContent();
        assertTrue(body.contains("Kind words"), body);
        assertFalse(body.contains("Rude words"), body);
    }

    @Test
    void theServerRunsTheDigestOnItsOwnWhenSmtpIsConfigured() throws Exception {
        server.close();
        server = TestServer.start(smtpSettings(smtp.getSmtp().getPort(), "1"));
        var author = server.signedIn("author@mail.example", Role.RESIDENT);
        var other = server.signedIn("other@mail.example", Role.RESIDENT);
        var boss = server.signedIn("boss@mail.example", Role.ADMIN);
        long project = boss.post("/api/projects", project("Square", List.of("point"), false)).expect(201).json()
                .get("id").asLong();
        long id = author.post("/api/projects/" + project + "/proposals", proposal(INSIDE_POINT, "Tree")).expect(201)
                .json().get("id").asLong();
        other.post("/api/proposals/" + id + "/comments", feature(null, Map.of("body", "Yes"))).expect(201);
        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the scheduled digest sent nothing");
        assertEquals("author@mail.example", GreenMailUtil.getAddressList(smtp.getReceivedMessages()[0]
                .getAllRecipients()));
    }
}
