package nl.plein.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.Source;
import nl.plein.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker can learn about accounts and do to them: whether an address has an account,
 * locking its owner out, and sessions that outlive a password or a role. Each request that matters
 * comes from its own network address (127.0.0.x), as the server sees it.
 */
class AccountSecurityTest {
    private static final int SIGN_UPS_PER_SOURCE = 3;
    private static final int SIGN_IN_FAILURES_PER_SOURCE = 20;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "PLEIN_SIGN_UPS_PER_SOURCE", Integer.toString(SIGN_UPS_PER_SOURCE),
                "PLEIN_SIGN_IN_FAILURES_PER_SOURCE", Integer.toString(SIGN_IN_FAILURES_PER_SOURCE)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Source from(int lastByte) {
        return Source.at(server.baseUrl, lastByte);
    }

    private static Map<String, Object> signUp(String email, String password) {
        return Map.of("email", email, "password", password, "displayName", email.split("@")[0]);
    }

    private static Map<String, Object> signIn(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    private static void assertTooMany(Client.Response response) {
        assertEquals(429, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.body());
        assertEquals(429, response.json().get("status").asInt());
        String retryAfter = response.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After in seconds: " + retryAfter);
    }

    @Test
    void signUpAnswersTheSameWhetherOrNotTheAddressHasAnAccount() {
        var first = from(2).post("/api/accounts", signUp("known@example.org", "the owner's own secret"));
        var again = from(3).post("/api/accounts", signUp("KNOWN@example.org", "an intruder's guess"));
        var fresh = from(4).post("/api/accounts", signUp("fresh@example.org", "a fresh long secret"));
        for (var response : new Client.Response[] {first, again, fresh}) {
            assertEquals(202, response.status(), response.body());
            assertNull(response.header("Set-Cookie"), "signing up starts no session");
        }
        assertEquals(first.body(), again.body());
        assertEquals(first.body(), fresh.body());
        assertEquals(first.header("Content-Type"), again.header("Content-Type"));

        // The second sign-up changed nothing: one account, and the owner's password still signs in.
        long accounts = Jdbis.create(server.dataSource).withHandle(h -> h.createQuery(
                "SELECT count(*) FROM accounts WHERE lower(email) = 'known@example.org'").mapTo(Long.class).one());
        assertEquals(1L, accounts);
        server.anonymous().signIn("known@example.org", "the owner's own secret");
        assertEquals(401, server.anonymous().post("/api/session", signIn("known@example.org", "an intruder's guess"))
                .status());
        var resident = server.anonymous();
        resident.signIn("fresh@example.org", "a fresh long secret");
        assertEquals("resident", resident.get("/api/session").json().get("account").get("role").asText());
    }

    @Test
    void signUpIsThrottledPerEmailAddressWhicheverNetworkItComesFrom() {
        for (int i = 0; i < SignUpThrottle.PER_EMAIL; i++) {
            from(10 + i).post("/api/accounts", signUp("popular@example.org", "a long enough secret")).expect(202);
        }
        assertTooMany(from(20).post("/api/accounts", signUp("Popular@example.org", "a long enough secret")));
        from(20).post("/api/accounts", signUp("someone-else@example.org", "a long enough secret")).expect(202);
    }

    @Test
    void signUpIsThrottledPerNetworkAddress() {
        for (int i = 0; i < SIGN_UPS_PER_SOURCE; i++) {
            from(30).post("/api/accounts", signUp("burst" + i + "@example.org", "a long enough secret")).expect(202);
        }
        assertTooMany(from(30).post("/api/accounts", signUp("burst-last@example.org", "a long enough secret")));
        from(31).post("/api/accounts", signUp("burst-last@example.org", "a long enough secret")).expect(202);
    }

    @Test
    void wrongPasswordsFromOneNetworkDoNotLockTheOwnerOutFromAnother() {
        new AccountStore(Jdbis.create(server.dataSource)).create("owner@example.org",
                Passwords.hash(TestServer.PASSWORD), "Owner", Optional.empty(), Role.RESIDENT);
        for (int i = 0; i < LoginThrottle.FAILURES_PER_EMAIL_AND_NETWORK; i++) {
            from(40).post("/api/session", signIn("owner@example.org", "wrong guess " + i)).expect(401);
        }
        assertTooMany(from(40).post("/api/session", signIn("owner@example.org", "wrong guess again")));
        // Refused before the password is looked at, so the attacker learns nothing from the right one.
        assertTooMany(from(40).post("/api/session", signIn("owner@example.org", TestServer.PASSWORD)));

        var owner = from(41).post("/api/session", signIn("owner@example.org", TestServer.PASSWORD));
        assertEquals(200, owner.status(), owner.body());
        assertTrue(owner.json().get("signedIn").asBoolean());
    }

    @Test
    void guessingManyAccountsFromOneNetworkMeetsTheLooserLimitOfThatNetwork() {
        for (int i = 0; i < SIGN_IN_FAILURES_PER_SOURCE; i++) {
            from(50).post("/api/session", signIn("victim" + i + "@example.org", "guess")).expect(401);
        }
        assertTooMany(from(50).post("/api/session", signIn("victim-last@example.org", "guess")));
        from(51).post("/api/session", signIn("victim-last@example.org", "guess")).expect(401);
    }

    @Test
    void changingOnesPasswordEndsOnesOtherSessionsButNotThisOne() {
        var laptop = server.signedIn("two-devices@example.org", Role.RESIDENT);
        var phone = server.anonymous();
        phone.signIn("two-devices@example.org", TestServer.PASSWORD);

        laptop.patch("/api/accounts/me", Map.of("displayName", "Renamed")).expect(200);
        assertTrue(phone.get("/api/session").json().get("signedIn").asBoolean(), "a new name ends no session");

        laptop.patch("/api/accounts/me", Map.of("password", "a brand new secret",
                "currentPassword", TestServer.PASSWORD)).expect(200);
        assertFalse(phone.get("/api/session").json().get("signedIn").asBoolean(), "the other session ended");
        assertTrue(laptop.get("/api/session").json().get("signedIn").asBoolean(), "the changing session stays");
        laptop.patch("/api/accounts/me", Map.of("displayName", "Still me")).expect(200);
    }

    @Test
    void anAdminChangingARoleEndsEverySessionOfThatPerson() {
        var admin = server.signedIn("role-admin@example.org", Role.ADMIN);
        var person = server.signedIn("promoted@example.org", Role.RESIDENT);
        var personElsewhere = server.anonymous();
        personElsewhere.signIn("promoted@example.org", TestServer.PASSWORD);
        long id = person.get("/api/session").json().get("account").get("id").asLong();

        admin.patch("/api/accounts/" + id, Map.of("role", "planner")).expect(200);

        assertFalse(person.get("/api/session").json().get("signedIn").asBoolean());
        assertFalse(personElsewhere.get("/api/session").json().get("signedIn").asBoolean());
        assertTrue(admin.get("/api/session").json().get("signedIn").asBoolean(), "the admin's own session stays");
        var again = server.anonymous();
        again.signIn("promoted@example.org", TestServer.PASSWORD);
        assertEquals("planner", again.get("/api/session").json().get("account").get("role").asText());
    }
}
