package nl.plein.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Map;
import nl.plein.db.Jdbis;
import nl.plein.support.Client;
import nl.plein.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountApiTest {
    static TestServer server;
    static Jdbi jdbi;
    static long homeArea;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = Jdbis.create(server.dataSource);
        homeArea = jdbi.inTransaction(h -> {
            long set = h.createQuery("INSERT INTO area_sets (name) VALUES ('Test buurten') RETURNING id")
                    .mapTo(Long.class).one();
            return h.createQuery("INSERT INTO areas (area_set_id, code, name, population, geom) VALUES (:set, 'BU1', "
                    + "'Centrum', 1200, ST_Multi(ST_MakeEnvelope(5.5, 52.5, 5.51, 52.51, 4326))) RETURNING id")
                    .bind("set", set).mapTo(Long.class).one();
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signingUpStoresAnArgon2idHashAndANeighbourhoodNeverAnAddress() {
        var client = server.anonymous();
        client.post("/api/accounts", Map.of("email", "Sanne@Example.org",
                "password", "a long enough secret", "displayName", "Sanne", "homeAreaId", homeArea)).expect(202);
        client.signIn("sanne@example.org", "a long enough secret");
        var account = client.get("/api/session").expect(200).json().get("account");
        assertEquals("sanne@example.org", account.get("email").asText());
        assertEquals("Centrum", account.get("homeArea").get("name").asText());
        assertEquals("resident", account.get("role").asText());
        String hash = jdbi.withHandle(h -> h.createQuery(
                "SELECT password_hash FROM accounts WHERE email = 'sanne@example.org'").mapTo(String.class).one());
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertFalse(hash.contains("a long enough secret"));
        var columns = jdbi.withHandle(h -> h.createQuery("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'accounts'").mapTo(String.class).list());
        assertFalse(columns.stream().anyMatch(n -> n.contains("address") || n.contains("street")
                || n.contains("postcode")), "no address is ever stored: " + columns);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        server.anonymous().post("/api/accounts", Map.of("email", "cookie@example.org",
                "password", "a long enough secret", "displayName", "Cookie")).expect(202);
        var response = server.anonymous().post("/api/session", Map.of("email", "cookie@example.org",
                "password", "a long enough secret")).expect(200);
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.startsWith(Sessions.COOKIE + "="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void signInFailsAlikeForAWrongPasswordAndAnUnknownEmail() {
        server.anonymous().post("/api/accounts", Map.of("email", "wim@example.org", "password",
                "a long enough secret", "displayName", "Wim")).expect(202);
        var wrong = server.anonymous().post("/api/session", Map.of("email", "wim@example.org", "password", "nope"));
        var unknown = server.anonymous().post("/api/session", Map.of("email", "nobody@example.org", "password", "nope"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
        var client = server.anonymous();
        client.signIn("WIM@example.org", "a long enough secret");
        assertEquals("wim@example.org", client.get("/api/session").expect(200).json().get("account")
                .get("email").asText());
        client.delete("/api/session").expect(204);
        assertFalse(client.get("/api/session").json().get("signedIn").asBoolean());
    }

    @Test
    void aPasswordIsUsedExactlyAsTypedSpacesIncluded() {
        server.anonymous().post("/api/accounts", Map.of("email", "spaces@example.org", "password",
                "  padded secret  ", "displayName", "Spaces")).expect(202);
        assertEquals(401, server.anonymous().post("/api/session", Map.of("email", "spaces@example.org",
                "password", "padded secret")).status());
        server.anonymous().signIn("spaces@example.org", "  padded secret  ");
    }

    @Test
    void aSecondSignUpWithAnAddressChangesNothingWhateverItsCase() {
        server.anonymous().post("/api/accounts", Map.of("email", "twice@example.org", "password",
                "a long enough secret", "displayName", "One")).expect(202);
        server.anonymous().post("/api/accounts", Map.of("email", "TWICE@example.org", "password",
                "another long secret", "displayName", "Two")).expect(202);
        var client = server.anonymous();
        client.signIn("twice@example.org", "a long enough secret");
        assertEquals("One", client.get("/api/session").json().get("account").get("displayName").asText());
        assertEquals(401, server.anonymous().post("/api/session", Map.of("email", "twice@example.org",
                "password", "another long secret")).status());
    }

    @Test
    void signUpChecksEveryField() {
        var client = server.anonymous();
        assertEquals("password", client.post("/api/accounts", Map.of("email", "p@example.org", "password", "short",
                "displayName", "P")).expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("email", client.post("/api/accounts", Map.of("email", "not-an-email", "password",
                "a long enough secret", "displayName", "P")).expect(400).json().get("errors").get(0).get("field").asText());
        assertEquals("homeAreaId", client.post("/api/accounts", Map.of("email", "h@example.org", "password",
                "a long enough secret", "displayName", "H", "homeAreaId", 999999)).expect(400).json()
                .get("errors").get(0).get("field").asText());
        assertEquals("address", client.post("/api/accounts", Map.of("email", "a@example.org", "password",
                "a long enough secret", "displayName", "A", "address", "Dorpsstraat 1")).expect(400).json()
                .get("errors").get(0).get("field").asText());
    }

    @Test
    void aWriteWithoutTheCsrfTokenOrFromAnotherSiteIsRefused() {
        var client = server.signedIn("csrf@example.org", Role.RESIDENT);
        String token = client.csrfToken();
        client.useCsrfToken(null);
        assertEquals(403, client.patch("/api/accounts/me", Map.of("displayName", "Evil")).status());
        client.useCsrfToken("forged");
        assertEquals(403, client.patch("/api/accounts/me", Map.of("displayName", "Evil")).status());
        client.useCsrfToken(token);
        var crossSite = client.send(HttpRequest.newBuilder(client.uri("/api/accounts/me"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                .header("Origin", "https://evil.example")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Evil\"}")));
        assertEquals(403, crossSite.status());
        assertEquals("csrf", client.get("/api/session").json().get("account").get("displayName").asText());
        assertEquals("Good", client.patch("/api/accounts/me", Map.of("displayName", "Good")).expect(200).json()
                .get("displayName").asText());
    }

    @Test
    void onlyAdminsManageAccountsAndRoles() {
        var admin = server.signedIn("boss@example.org", Role.ADMIN);
        var resident = server.signedIn("res@example.org", Role.RESIDENT);
        resident.get("/api/accounts").expect(403);
        server.anonymous().get("/api/accounts").expect(401);
        long id = resident.get("/api/session").json().get("account").get("id").asLong();
        resident.patch("/api/accounts/" + id, Map.of("role", "admin")).expect(403);
        assertEquals("planner", admin.patch("/api/accounts/" + id, Map.of("role", "planner")).expect(200).json()
                .get("role").asText());
        admin.patch("/api/accounts/" + id, Map.of("disabled", true)).expect(200);
        assertFalse(resident.get("/api/session").json().get("signedIn").asBoolean(), "disabling ends sessions");
        assertEquals(401, server.anonymous().post("/api/session", Map.of("email", "res@example.org",
                "password", TestServer.PASSWORD)).status());
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOne() {
        var client = server.signedIn("pw@example.org", Role.RESIDENT);
        client.patch("/api/accounts/me", Map.of("password", "a brand new secret", "currentPassword", "wrong"))
                .expect(400);
        client.patch("/api/accounts/me", Map.of("password", "a brand new secret",
                "currentPassword", TestServer.PASSWORD)).expect(200);
        var again = new Client(server.baseUrl);
        again.signIn("pw@example.org", "a brand new secret");
        assertNotEquals(null, again.csrfToken());
    }
}
