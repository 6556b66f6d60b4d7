package org.osteobiome.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.web.store.Store;

/**
 * What the web application promises, run against each database it supports (subclasses pick H2 or PostgreSQL): sign-in
 * and sessions, CSRF on every state-changing route, team isolation on every route, escaping, API tokens, stored
 * simulations with provenance, and bad input refused with nothing stored.
 */
abstract class WebApplicationContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    TestServer t;
    long aliceProject;
    long aliceResult;
    long aliceJob;
    long aliceMap;

    abstract TestServer start(Path dataDir);

    @BeforeEach
    void setUp() {
        t = start(dir);
        t.user("alice@lab-a.org", PASSWORD, "Lab A", Store.Role.RESEARCHER, false);
        t.user("vera@lab-a.org", PASSWORD, "Lab A", Store.Role.VIEWER, false);
        t.user("bob@lab-b.org", PASSWORD, "Lab B", Store.Role.ADMIN, false);
        t.user("root@site.org", PASSWORD, "Lab B", Store.Role.VIEWER, true);
        TestClient alice = signedIn("alice@lab-a.org");
        long team = t.services().with(s -> s.teamByName("Lab A")).orElseThrow().id();
        TestClient.Reply created = alice.post("/projects", Map.of("team", String.valueOf(team), "name", "Bone study",
                "description", "OVX cohort"));
        assertThat(created.status()).isEqualTo(303);
        aliceProject = Long.parseLong(created.header("Location").replace("/projects/", ""));
        TestClient.Reply run = alice.post("/projects/" + aliceProject + "/simulate", Map.of("model", "gut-bone-axis", "p.scenario", "ovx",
                "t_end", "28", "step", "7"));
        assertThat(run.status()).as(run.body()).isEqualTo(303);
        aliceResult = Long.parseLong(run.header("Location").replace("/results/", ""));
        // a job and a map row of alice's, for the routes that take their ids (the map's bytes are never read by these tests)
        long aliceId = t.services().with(s -> s.userByEmail("alice@lab-a.org")).orElseThrow().id();
        aliceJob = t.services().with(s -> {
            long job = s.createJob(aliceProject, "vpop", "Alice's job", "{\"n\": \"5\"}", aliceId);
            s.finishJob(job, Store.JobState.FAILED, "for the tests", null);
            return job;
        });
        aliceMap = t.services().with(s -> s.createMap(aliceProject, "Alice's map", null, aliceResult, "0".repeat(64), "", aliceId));
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    TestClient signedIn(String email) {
        TestClient c = new TestClient(t.base());
        assertThat(c.login(email, PASSWORD).status()).isEqualTo(303);
        return c;
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndPagesNeedASession() {
        TestClient anonymous = new TestClient(t.base());
        TestClient.Reply login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.body()).doesNotContain("<script>").contains("not a diagnostic device");
        assertThat(login.header("Cache-Control")).as("pages are never cached").isEqualTo("no-store");
        TestClient.Reply script = anonymous.get("/assets/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Cache-Control")).as("the shared scripts are").isEqualTo("public, max-age=3600");
        assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
        TestClient.Reply home = anonymous.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).startsWith("/login");
        assertThat(anonymous.api("GET", "/api/projects", null, null).status()).isEqualTo(401);
    }

    @Test
    void signInIssuesAFreshHttpOnlySessionAndSignOutEndsItOnTheServer() {
        TestClient c = new TestClient(t.base());
        assertThat(c.login("alice@lab-a.org", "wrong password!").status()).isEqualTo(401);
        TestClient.Reply ok = c.login("alice@lab-a.org", PASSWORD);
        String cookie = ok.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String first = c.sessionCookie();
        c.login("alice@lab-a.org", PASSWORD);
        String second = c.sessionCookie();
        assertThat(second).isNotEqualTo(first);
        TestClient stale = withSession(first);
        assertThat(stale.get("/").status()).as("the old session ended at the new sign-in").isEqualTo(302);
        long sessions = t.rows("sessions");
        c.get("/");
        assertThat(c.post("/logout", Map.of()).status()).isEqualTo(303);
        assertThat(t.rows("sessions")).isEqualTo(sessions - 1);
        assertThat(withSession(second).get("/").status()).as("the cookie is useless after sign-out").isEqualTo(302);
    }

    @Test
    void sessionsEndAfterTheIdleAndTheAbsoluteTimeout() {
        TestClient c = signedIn("alice@lab-a.org");
        t.clock.advance(Duration.ofMinutes(29));
        assertThat(c.get("/").status()).isEqualTo(200);
        t.clock.advance(Duration.ofMinutes(31));
        assertThat(c.get("/").status()).as("idle for 31 minutes").isEqualTo(302);
        TestClient busy = signedIn("alice@lab-a.org");
        for (int i = 0; i < 24; i++) {
            t.clock.advance(Duration.ofMinutes(25));
            assertThat(busy.get("/").status()).as("active every 25 minutes, %d min after sign-in", 25 * (i + 1)).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) {
            t.clock.advance(Duration.ofMinutes(25));
            busy.get("/");
        }
        assertThat(busy.get("/").status()).as("past 12 h since sign-in").isEqualTo(302);
    }

    @Test
    void repeatedFailedSignInsAreThrottledEvenWithTheRightPassword() {
        TestClient c = new TestClient(t.base());
        for (int i = 0; i < 5; i++) {
            assertThat(c.login("alice@lab-a.org", "not the password " + i).status()).isEqualTo(401);
        }
        TestClient.Reply r = c.login("alice@lab-a.org", PASSWORD);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).contains("too many failed sign-ins");
        t.clock.advance(Duration.ofMinutes(16));
        assertThat(c.login("alice@lab-a.org", PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() {
        TestClient c = signedIn("root@site.org");
        Map<String, Long> before = counts();
        int checked = 0;
        for (WebServer.Route r : t.server.routes()) {
            if (r.method().equals("GET") || r.open()) {
                continue;
            }
            String path = fill(r.path());
            TestClient.Reply reply = r.api() ? cookieApi(c, r.method(), path) : c.post(path, Map.of("name", "x", "team", "1"), false);
            assertThat(reply.status()).as(r.method() + " " + r.path() + ": " + reply.body()).isEqualTo(403);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(counts()).isEqualTo(before);
        TestClient anonymous = new TestClient(t.base());
        anonymous.get("/login");
        assertThat(anonymous.post("/login", Map.of("email", "alice@lab-a.org", "password", PASSWORD, "_csrf", "forged"), false).status())
                .as("the sign-in form has its own token").isEqualTo(403);
    }

    @Test
    void anotherTeamCannotReadChangeOrDeleteAnythingByAnyRoute() {
        String aliceToken = createToken(signedIn("alice@lab-a.org"));
        TestClient bob = signedIn("bob@lab-b.org");
        String token = createToken(bob);
        Map<String, Long> before = counts();
        int checked = 0;
        for (WebServer.Route r : t.server.routes()) {
            if (r.open() || r.path().equals("/logout") || r.path().equals("/tokens")) {
                continue; // open routes, and bob's own sign-out and tokens
            }
            String path = fill(r.path());
            List<TestClient.Reply> replies = new ArrayList<>();
            if (r.api()) {
                replies.add(bob.api(r.method(), path, token, r.method().equals("GET") || r.method().equals("DELETE") ? null
                        : "{\"team_id\": " + teamA() + ", \"name\": \"intrusion\", \"model\": \"gut-bone-axis\"}"));
            } else if (r.method().equals("GET")) {
                replies.add(bob.get(path));
            } else {
                replies.add(bob.post(path, Map.of("team", String.valueOf(teamA()), "name", "intrusion", "model", "gut-bone-axis",
                        "user", "1", "role", "admin", "email", "x@y.z", "password", "0123456789ab")));
            }
            for (TestClient.Reply reply : replies) {
                if (r.path().contains("{")) {
                    assertThat(reply.status()).as(r.method() + " " + path + ": " + reply.body()).isIn(403, 404);
                } else {
                    assertThat(reply.body()).as(r.method() + " " + path).doesNotContain("Bone study").doesNotContain("OVX cohort");
                    if (!r.method().equals("GET")) {
                        assertThat(reply.status()).as(r.method() + " " + path + ": " + reply.body()).isIn(400, 403, 404);
                    }
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
        Map<String, Long> after = counts();
        after.remove("audit_log");
        before.remove("audit_log");
        assertThat(after).isEqualTo(before);
        assertThat(bob.get("/audit").body()).doesNotContain("alice@lab-a.org");
        assertThat(new TestClient(t.base()).api("GET", "/api/projects", aliceToken, null).body()).as("alice's token still works")
                .contains("Bone study");
    }

    @Test
    void aViewerReadsButCannotRunOrDelete() {
        TestClient vera = signedIn("vera@lab-a.org");
        assertThat(vera.get("/results/" + aliceResult).status()).isEqualTo(200);
        assertThat(vera.post("/projects/" + aliceProject + "/simulate", Map.of("model", "gut-bone-axis")).status()).isEqualTo(403);
        assertThat(vera.post("/results/" + aliceResult + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(t.rows("results")).isEqualTo(1);
    }

    @Test
    void namesFromUsersAreShownAsTextNeverRun() {
        TestClient alice = signedIn("alice@lab-a.org");
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        assertThat(alice.post("/projects", Map.of("team", String.valueOf(teamA()), "name", evil, "description", evil)).status())
                .isEqualTo(303);
        String page = alice.get("/").body();
        assertThat(page).doesNotContain(evil).doesNotContain("<img src=x").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(alice.get("/tokens").body()).doesNotContain("<script>alert");
    }

    @Test
    void apiTokensActForTheirUserUntilRevoked() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        String token = createToken(alice);
        assertThat(t.services().with(s -> s.tokens(1)).toString()).doesNotContain(token);
        TestClient script = new TestClient(t.base());
        TestClient.Reply projects = script.api("GET", "/api/projects", token, null);
        assertThat(projects.status()).isEqualTo(200);
        assertThat(JSON.readTree(projects.body()).get(0).path("name").asText()).isEqualTo("Bone study");
        TestClient.Reply run = script.api("POST", "/api/projects/" + aliceProject + "/simulations", token,
                "{\"model\": \"gut-bone-axis\", \"scenario\": \"ovx-la\", \"t_end\": 14, \"step\": 7, \"observables\": [\"bv_tv_pct\"]}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        long id = JSON.readTree(run.body()).path("id").asLong();
        JsonNode result = JSON.readTree(script.api("GET", "/api/results/" + id, token, null).body());
        assertThat(result.path("provenance").path("action").asText()).isEqualTo("simulate");
        assertThat(result.path("provenance").path("version").asText()).isNotBlank();
        assertThat(result.path("provenance").path("options").path("scenario").asText()).isEqualTo("ovx-la");
        assertThat(result.path("provenance").path("solver").asText()).startsWith("radau5");
        JsonNode trajectory = result.path("payload").path("trajectory");
        assertThat(trajectory.path("time")).hasSize(3);
        assertThat(trajectory.path("columns").get(0).path("id").asText()).isEqualTo("bv_tv_pct");
        assertThat(trajectory.path("columns").get(0).path("values").get(2).asDouble()).isBetween(80.0, 100.0);
        Matcher m = Pattern.compile("/tokens/(\\d+)/revoke").matcher(alice.get("/tokens").body());
        assertThat(m.find()).isTrue();
        assertThat(alice.post("/tokens/" + m.group(1) + "/revoke", Map.of()).status()).isEqualTo(303);
        assertThat(script.api("GET", "/api/projects", token, null).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionListsEveryApiRoute() throws Exception {
        JsonNode doc = JSON.readTree(new TestClient(t.base()).get("/api/openapi.json").body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        int checked = 0;
        for (WebServer.Route r : t.server.routes()) {
            if (!r.api() || r.path().equals("/api/openapi.json")) {
                continue;
            }
            JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.isObject()).as(r.method() + " " + r.path() + " is described").isTrue();
            assertThat(op.path("summary").asText()).isNotBlank();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
        assertThat(doc.path("paths").size()).isEqualTo(t.server.routes().stream().filter(r -> r.api()
                && !r.path().equals("/api/openapi.json")).map(WebServer.Route::path).distinct().count());
    }

    @Test
    void badSimulationInputIsRefusedWithAReasonAndNothingIsStored() {
        TestClient alice = signedIn("alice@lab-a.org");
        Map<String, Long> before = counts();
        String path = "/projects/" + aliceProject + "/simulate";
        TestClient.Reply notANumber = alice.post(path, Map.of("model", "gut-bone-axis", "t_end", "abc"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("last time must be a number, got &#39;abc&#39;");
        TestClient.Reply outOfRange = alice.post(path, Map.of("model", "gut-bone-axis", "p.c_OC", "-5"));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("c_OC");
        TestClient.Reply file = alice.post(path, Map.of("model", "gut-bone-axis", "p.scenario", "/etc/passwd"));
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.body()).contains("unknown scenario").contains("built-in scenarios");
        TestClient.Reply api = alice.api("POST", "/api/projects/" + aliceProject + "/simulations", createToken(alice), "{not json");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("JSON object");
        before.remove("api_tokens");
        before.remove("audit_log");
        Map<String, Long> after = counts();
        after.remove("api_tokens");
        after.remove("audit_log");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theResultPageShowsProvenanceAndEveryDownloadIsAFile() {
        TestClient alice = signedIn("alice@lab-a.org");
        String page = alice.get("/results/" + aliceResult).body();
        assertThat(page).contains("id=\"trajectory-data\"").contains("osteobiome version").contains("option scenario").contains("ovx")
                .contains("/download/sbml");
        TestClient.Reply tsv = alice.get("/results/" + aliceResult + "/download/tsv");
        assertThat(tsv.status()).isEqualTo(200);
        assertThat(tsv.body()).startsWith("time\testrogen\t").contains("bv_tv_pct").contains("\n28\t");
        assertThat(tsv.header("Content-Disposition")).isEqualTo("attachment; filename=\"result-" + aliceResult + ".tsv\"");
        assertThat(alice.get("/results/" + aliceResult + "/download/svg").body()).contains("<svg");
        assertThat(alice.get("/results/" + aliceResult + "/download/png").status()).isEqualTo(200);
        assertThat(alice.get("/results/" + aliceResult + "/download/sbml").body()).contains("<sbml");
        assertThat(alice.get("/results/" + aliceResult + "/download/exe").status()).isEqualTo(404);
        assertThat(t.services().with(s -> s.auditLog(null, 50)).stream().filter(e -> e.action().startsWith("export"))).hasSize(4);
    }

    static final Path KARLSSON = Path.of("../data/real/karlsson2013/taxatable.txt");
    static final Path KARLSSON_META = Path.of("../data/real/karlsson2013/mapping-orig.txt");

    private TestClient.Reply upload(TestClient c, String tableName, byte[] table, String metaName, byte[] meta, String group,
                                    String rank) {
        c.get("/projects/" + aliceProject + "/cohorts/new");
        return c.upload("/projects/" + aliceProject + "/cohorts", Map.of("name", "", "group_column", group, "rank", rank),
                Map.of("table", new TestClient.Part(tableName, table), "metadata", new TestClient.Part(metaName, meta)));
    }

    @Test
    void aCohortIsUploadedCheckedAndSummarisedAndStoredWhole() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        TestClient.Reply r = upload(alice, "taxatable.txt", java.nio.file.Files.readAllBytes(KARLSSON), "mapping-orig.txt",
                java.nio.file.Files.readAllBytes(KARLSSON_META), "Classification", "genus");
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        String page = alice.get(r.header("Location")).body();
        // Karlsson 2013 genus: Kruskal–Wallis of Shannon H = 0.6972883 as R's kruskal.test (AlphaByGroupTest)
        assertThat(page).contains("Cohort taxatable.txt by Classification").contains("samples analysed</th><td>144")
                .contains("<td>shannon</td>").contains("0.6973").contains("PERMANOVA (999 permutations, seed 1)")
                .contains("id=\"pcoa-data\"").contains("taxatable.txt (SHA-256)");
        assertThat(t.rows("cohorts")).isEqualTo(1);
        assertThat(alice.get(r.header("Location") + "/download/tsv").status()).isEqualTo(404);
        long id = Long.parseLong(r.header("Location").replace("/results/", ""));
        assertThat(alice.post("/results/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(t.rows("cohorts")).as("deleting the overview deletes the cohort").isZero();
    }

    @Test
    void badUploadsShowAClearMessageAndLeaveTheDatabaseUnchanged() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        byte[] meta = java.nio.file.Files.readAllBytes(KARLSSON_META);
        byte[] table = java.nio.file.Files.readAllBytes(KARLSSON);
        Map<String, Long> before = counts();
        before.remove("audit_log");
        record Case(String what, String tableName, byte[] table, byte[] meta, String group, String expected) {
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String biom = "{\"id\": \"t\", \"format\": \"Biological Observation Matrix 1.0.0\", \"type\": \"OTU table\", \"rows\": [";
        String otherIds = "#SampleID\tbone_status\nX1\tnormal\nX2\tosteoporosis\n";
        List<Case> cases = List.of(
                new Case("wrong format", "table.biom", png, meta, "Classification", "table.biom"),
                new Case("truncated", "table.biom", biom.getBytes(java.nio.charset.StandardCharsets.UTF_8), meta, "Classification",
                        "table.biom"),
                new Case("mismatched ids", "taxatable.txt", table, otherIds.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "bone_status", "the sample ids must match"),
                new Case("no such column", "taxatable.txt", table, meta, "bone_status", "bone_status"),
                new Case("zip bomb", "table.qza", zipBomb(), meta, "Classification", "zip bomb"),
                new Case("over the size limit", "big.tsv", new byte[9 << 20], meta, "Classification", "larger than this server accepts"));
        for (Case c : cases) {
            TestClient.Reply r = upload(alice, c.tableName(), c.table(), "mapping-orig.txt", c.meta(), c.group(), "genus");
            assertThat(r.status()).as(c.what() + ": " + r.body()).isIn(400, 413);
            assertThat(r.body()).as(c.what()).contains(Html(c.expected())).doesNotContain("/tmp/").doesNotContain("Exception");
        }
        Map<String, Long> after = counts();
        after.remove("audit_log");
        assertThat(after).isEqualTo(before);
        assertThat(t.rows("cohorts")).isZero();
    }

    @Test
    void sampleIdsFromAnUploadAreShownAsText() {
        TestClient alice = signedIn("alice@lab-a.org");
        String evil = "<script>alert(1)</script>";
        String table = "#OTU ID\tS1\tS2\tS3\t" + evil + "\nk__Bacteria;p__Firmicutes;c__Clostridia;o__Clostridiales;f__Lachnospiraceae;g__Roseburia"
                + "\t10\t20\t5\t7\nk__Bacteria;p__Bacteroidetes;c__Bacteroidia;o__Bacteroidales;f__Bacteroidaceae;g__Bacteroides\t30\t4\t9\t12\n";
        String meta = "#SampleID\tgroup\nS1\ta\nS2\tb\nS3\ta\n" + evil + "\t\n";
        TestClient.Reply r = upload(alice, "tiny.tsv", table.getBytes(java.nio.charset.StandardCharsets.UTF_8), "meta.tsv",
                meta.getBytes(java.nio.charset.StandardCharsets.UTF_8), "group", "");
        assertThat(r.status()).as(r.body()).isIn(303, 400);
        String page = r.status() == 303 ? alice.get(r.header("Location")).body() : r.body();
        assertThat(page).doesNotContain(evil).doesNotContain("<script>alert");
    }

    /** A QIIME 2 artifact whose table entry expands to 1.5 GiB of zeros (about 1.5 MB compressed). */
    private static byte[] zipBomb() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new java.util.zip.ZipEntry("a1b2/metadata.yaml"));
            zip.write("uuid: a1b2\ntype: FeatureTable[Frequency]\nformat: BIOMV210DirFmt\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("a1b2/data/feature-table.biom"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1536; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String Html(String text) {
        return org.osteobiome.app.web.pages.Html.esc(text);
    }

    private long teamA() {
        return t.services().with(s -> s.teamByName("Lab A")).orElseThrow().id();
    }

    private String fill(String path) {
        return path.replace("/projects/{id}", "/projects/" + aliceProject).replace("/results/{id}", "/results/" + aliceResult)
                .replace("/tokens/{id}", "/tokens/1").replace("{format}", "tsv").replace("/jobs/{id}", "/jobs/" + aliceJob).replace("/maps/{id}", "/maps/"
                + aliceMap);
    }

    private TestClient.Reply cookieApi(TestClient c, String method, String path) {
        return c.api(method, path, null, method.equals("DELETE") ? null : "{}");
    }

    private String createToken(TestClient c) {
        TestClient.Reply r = c.post("/tokens", Map.of("name", "script"));
        Matcher m = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String table : List.of("teams", "users", "memberships", "projects", "results", "cohorts", "api_tokens", "audit_log", "jobs", "maps")) {
            out.put(table, t.rows(table));
        }
        return out;
    }

    private TestClient withSession(String value) {
        TestClient c = new TestClient(t.base());
        HttpCookieHelper.add(c, value);
        return c;
    }
}
