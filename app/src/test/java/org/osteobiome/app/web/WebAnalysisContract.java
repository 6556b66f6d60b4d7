package org.osteobiome.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.ReferenceMap;

/**
 * Background jobs and the analyses that run as jobs, on each database: a virtual population, a sensitivity study and a
 * fit run with progress and store their results and figures; a job is cancelled and run again; bad requests are refused
 * before anything is queued; a cohort's differential abundance and reference map are built, and a sample is scored
 * against the map with a forecast.
 */
abstract class WebAnalysisContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    TestServer t;
    long project;

    abstract TestServer start(Path dataDir);

    @BeforeEach
    void setUp() {
        t = start(dir);
        t.user("alice@lab-a.org", PASSWORD, "Lab A", Store.Role.RESEARCHER, false);
        t.user("vera@lab-a.org", PASSWORD, "Lab A", Store.Role.VIEWER, false);
        TestClient alice = signedIn("alice@lab-a.org");
        long team = t.services().with(s -> s.teamByName("Lab A")).orElseThrow().id();
        TestClient.Reply created = alice.post("/projects", Map.of("team", String.valueOf(team), "name", "Bone study", "description", ""));
        project = Long.parseLong(created.header("Location").replace("/projects/", ""));
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

    /** Submits a job by its form; returns the job id. */
    private long submit(TestClient c, Map<String, String> form) {
        c.get("/projects/" + project + "/jobs/new?kind=vpop");
        TestClient.Reply r = c.post("/projects/" + project + "/jobs", form);
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.header("Location").replace("/jobs/", ""));
    }

    /** Polls the job's API until it has ended; returns its last status. */
    private JsonNode await(TestClient c, long job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(c.api("GET", "/api/jobs/" + job, null, null).body());
            if (!s.path("state").asText().equals("queued") && !s.path("state").asText().equals("running")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not end in 3 minutes");
    }

    private JsonNode done(TestClient c, long job) throws Exception {
        JsonNode s = await(c, job);
        assertThat(s.path("state").asText()).as(s.toString()).isEqualTo("done");
        assertThat(s.path("result_id").isNumber()).isTrue();
        return s;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aVirtualPopulationRunsAsAJobAndStoresItsBandsWithProvenance() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        long job = submit(alice, form("kind", "vpop", "model", "gut-bone-axis", "scenario", "menopause-natural", "n", "24",
                "variability", "human-variability.tsv", "observables", "bmd_pct", "t_end", "1826.25", "step", "182.625", "seed", "7"));
        assertThat(alice.get("/jobs/" + job).body()).contains("data-job=\"" + job + "\"");
        JsonNode s = done(alice, job);
        String page = alice.get("/results/" + s.path("result_id").asLong()).body();
        assertThat(page).contains("Virtual population: 24 subjects").contains("id=\"figures-data\"").contains("90 % of subjects")
                .contains("option seed").contains(">7<");
        JsonNode payload = JSON.readTree(alice.api("GET", "/api/results/" + s.path("result_id").asLong(), null, null).body()).path("payload");
        JsonNode q = payload.path("final").get(0).path("quantiles");
        // the five quantiles of BMD at the last day are ordered and lie where a woman's bone can be (0–200 % of baseline)
        for (int l = 0; l < 5; l++) {
            assertThat(q.get(l).asDouble()).isBetween(0.0, 200.0);
            if (l > 0) {
                assertThat(q.get(l).asDouble()).isGreaterThanOrEqualTo(q.get(l - 1).asDouble());
            }
        }
        // five years after a natural menopause the median woman has lost bone
        assertThat(q.get(2).asDouble()).isLessThan(100.0);
        TestClient.Reply png = alice.get("/results/" + s.path("result_id").asLong() + "/download/png?figure=0");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(alice.get("/results/" + s.path("result_id").asLong() + "/download/png?figure=5").status()).isEqualTo(404);
        // the same seed gives the same bands
        long again = done(alice, submit(alice, form("kind", "vpop", "model", "gut-bone-axis", "scenario", "menopause-natural", "n", "24",
                "variability", "human-variability.tsv", "observables", "bmd_pct", "t_end", "1826.25", "step", "182.625", "seed", "7")))
                .path("result_id").asLong();
        assertThat(JSON.readTree(alice.api("GET", "/api/results/" + again, null, null).body()).path("payload").path("final"))
                .isEqualTo(payload.path("final"));
    }

    @Test
    void sensitivityAndFitRunAsJobsWithTheirTablesAndFigures() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        long sens = done(alice, submit(alice, form("kind", "sensitivity", "model", "gut-bone-axis", "scenario", "ovx", "output",
                "bv_tv_pct", "at", "28", "method", "local"))).path("result_id").asLong();
        String page = alice.get("/results/" + sens).body();
        assertThat(page).contains("local sensitivity of <code>bv_tv_pct</code> at day 28").contains("<meter");
        TestClient.Reply tsv = alice.get("/results/" + sens + "/download/tsv");
        assertThat(tsv.body()).contains("parameter\tlow\thigh\t").contains("not a diagnostic device");
        long fit = done(alice, submit(alice, form("kind", "fit", "model", "nelson2026-menopause", "data", "nelson2026-bmd.tsv", "fit",
                "e_PC,e_Sc", "multistart", "2", "intervals", "none", "seed", "3"))).path("result_id").asLong();
        JsonNode payload = JSON.readTree(alice.api("GET", "/api/results/" + fit, null, null).body()).path("payload");
        assertThat(payload.path("estimates")).hasSize(2);
        assertThat(payload.path("estimates").get(0).path("lower").isNull()).as("no interval asked for: none shown").isTrue();
        assertThat(payload.path("figures").get(0).path("panels").get(0).path("points").size()).isGreaterThan(0);
        assertThat(alice.get("/results/" + fit).body()).contains("not computed").contains("id=\"residuals\"");
    }

    @Test
    void aJobIsCancelledWhileRunningStoresNothingAndRunsAgain() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        long results = t.rows("results");
        long job = submit(alice, form("kind", "vpop", "model", "gut-bone-axis", "scenario", "menopause-natural", "n", "20000",
                "variability", "human-variability.tsv"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!JSON.readTree(alice.api("GET", "/api/jobs/" + job, null, null).body()).path("state").asText().equals("running")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        alice.get("/jobs/" + job);
        assertThat(alice.post("/jobs/" + job + "/cancel", Map.of()).status()).isEqualTo(303);
        JsonNode s = await(alice, job);
        assertThat(s.path("state").asText()).isEqualTo("cancelled");
        assertThat(t.rows("results")).isEqualTo(results);
        assertThat(alice.get("/jobs/" + job).body()).contains("Run it again");
        TestClient.Reply rerun = alice.post("/jobs/" + job + "/rerun", Map.of());
        assertThat(rerun.status()).isEqualTo(303);
        long second = Long.parseLong(rerun.header("Location").replace("/jobs/", ""));
        assertThat(second).isNotEqualTo(job);
        JsonNode again = JSON.readTree(alice.api("POST", "/api/jobs/" + second + "/cancel", null, "{}").body());
        assertThat(again.path("error").asText()).as("a browser session's API call needs the CSRF header").contains("X-CSRF-Token");
        alice.get("/jobs/" + second);
        alice.post("/jobs/" + second + "/cancel", Map.of());
        assertThat(await(alice, second).path("state").asText()).isEqualTo("cancelled");
        assertThat(t.rows("results")).isEqualTo(results);
    }

    @Test
    void badJobRequestsAreRefusedBeforeAnythingIsQueued() {
        TestClient alice = signedIn("alice@lab-a.org");
        alice.get("/projects/" + project + "/jobs/new?kind=vpop");
        long jobs = t.rows("jobs");
        record Case(Map<String, String> form, String expected) {
        }
        for (Case c : java.util.List.of(
                new Case(form("kind", "nonsense"), "unknown job kind"),
                new Case(form("kind", "vpop", "n", "0"), "field 'n' must be between 1 and 20000"),
                new Case(form("kind", "vpop", "n", "1e9"), "field 'n' must be a whole number"),
                new Case(form("kind", "vpop", "scenario", "/etc/passwd"), "unknown scenario"),
                new Case(form("kind", "vpop", "variability", "/etc/passwd"), "field 'variability': choose one of"),
                new Case(form("kind", "vpop", "set", "scenario=/etc/passwd"), "choose the scenario with the scenario field"),
                new Case(form("kind", "vpop", "set", "c_OC=-5"), "c_OC"),
                new Case(form("kind", "sensitivity", "output", "no_such", "at", "28"), "no_such"),
                new Case(form("kind", "fit", "data", "../../etc/passwd", "fit", "e_PC"), "field 'data': choose one of"),
                new Case(form("kind", "fit", "model", "nelson2026-menopause", "data", "nelson2026-bmd.tsv"), "field 'fit'"),
                new Case(form("kind", "map-build", "cohort", "999", "healthy", "NGT"), "no cohort 999"))) {
            TestClient.Reply r = alice.post("/projects/" + project + "/jobs", c.form());
            assertThat(r.status()).as(c.form() + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c.form().toString()).contains(Html(c.expected()));
        }
        assertThat(t.rows("jobs")).isEqualTo(jobs);
        TestClient vera = signedIn("vera@lab-a.org");
        vera.get("/projects/" + project);
        assertThat(vera.post("/projects/" + project + "/jobs", form("kind", "vpop")).status()).isEqualTo(403);
        assertThat(vera.get("/projects/" + project + "/jobs/new?kind=vpop").status()).isEqualTo(403);
        assertThat(t.rows("jobs")).isEqualTo(jobs);
    }

    @Test
    void aCohortsMapIsBuiltAndAWomansSampleIsScoredWithAForecast() throws Exception {
        TestClient alice = signedIn("alice@lab-a.org");
        alice.get("/projects/" + project + "/cohorts/new");
        TestClient.Reply up = alice.upload("/projects/" + project + "/cohorts", Map.of("name", "Karlsson", "group_column", "Classification",
                "rank", "genus"), Map.of("table", new TestClient.Part("taxatable.txt", Files.readAllBytes(WebApplicationContract.KARLSSON)),
                "metadata", new TestClient.Part("mapping-orig.txt", Files.readAllBytes(WebApplicationContract.KARLSSON_META))));
        assertThat(up.status()).as(up.body()).isEqualTo(303);
        String overview = alice.get(up.header("Location")).body();
        assertThat(overview).contains("id=\"da-form\"").contains("id=\"map-form\"");
        long cohort = t.services().with(s -> s.cohorts(project)).get(0).id();

        long da = done(alice, submit(alice, form("kind", "cohort-da", "cohort", String.valueOf(cohort), "healthy", "NGT")))
                .path("result_id").asLong();
        JsonNode daPayload = JSON.readTree(alice.api("GET", "/api/results/" + da, null, null).body()).path("payload");
        assertThat(daPayload.path("samples").asInt()).isEqualTo(144);
        assertThat(daPayload.path("figures")).as("one volcano per group contrast (IGT, T2D vs NGT)").hasSize(2);
        assertThat(alice.get("/results/" + da + "/download/tsv").body()).contains("taxon\tterm\tlog2_fold_change");

        long mapResult = done(alice, submit(alice, form("kind", "map-build", "cohort", String.valueOf(cohort), "healthy", "NGT",
                "cv_repeats", "1", "cv_folds", "3", "inner_folds", "3", "trees", "40", "seed", "5", "name", "Karlsson T2D")))
                .path("result_id").asLong();
        String mapPage = alice.get("/results/" + mapResult).body();
        assertThat(mapPage).contains("AUROC [DeLong 95 %]").contains("id=\"score\"").contains("id=\"download-map\"");
        Store.StoredMap stored = t.services().with(s -> s.maps(project)).get(0);
        Path file = dir.resolve("stored.osmap");
        Files.write(file, Base64.getDecoder().decode(stored.osmapBase64()));
        ReferenceMap map = MapFile.read(file);
        assertThat(map.seed()).isEqualTo(5);
        assertThat(map.healthy()).isEqualTo("NGT");
        assertThat(MapFile.sha256(file)).isEqualTo(stored.sha256());
        TestClient.Reply download = alice.get("/maps/" + stored.id() + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains(".osmap");

        // one woman of the cohort scored with a forecast
        byte[] sample = Files.readAllBytes(WebApplicationContract.KARLSSON);
        TestClient.Reply scored = alice.upload("/maps/" + stored.id() + "/score", Map.of("sample_id", map.ordination().sampleIds().get(0),
                "forecast", "on", "population", "12", "years", "5", "start_year", "2"), Map.of("sample", new TestClient.Part("her.txt", sample)));
        assertThat(scored.status()).as(scored.body()).isEqualTo(303);
        long report = Long.parseLong(scored.header("Location").replace("/results/", ""));
        String reportPage = alice.get("/results/" + report).body();
        assertThat(reportPage).contains("At-risk probability").contains("id=\"forecast\"").contains("L. acidophilus")
                .contains("id=\"figures-data\"").contains("not a diagnos");
        JsonNode rp = JSON.readTree(alice.api("GET", "/api/results/" + report, null, null).body()).path("payload");
        double probability = rp.path("scores").get(0).path("probability").asDouble();
        assertThat(probability).isBetween(0.0, 1.0);
        assertThat(rp.path("scores").get(0).path("lower").asDouble()).isLessThanOrEqualTo(rp.path("scores").get(0).path("upper").asDouble());
        // her raw table (lineages) is collapsed to the genus rank the cohort was analysed at: a member of the cohort lies
        // inside the reference with nearly all her reads on the map's taxa
        assertThat(rp.path("scores").get(0).path("coveredShare").asDouble()).isGreaterThan(0.9);
        assertThat(rp.path("scores").get(0).path("warnings").toString()).doesNotContain("outside the reference");
        TestClient.Reply html = alice.get("/results/" + report + "/download/html");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("<!DOCTYPE html>").contains("not a diagnostic device");

        // a table sharing no taxon with the map is refused, and nothing is stored
        long before = t.rows("results");
        alice.get("/results/" + mapResult);
        TestClient.Reply foreign = alice.upload("/maps/" + stored.id() + "/score", Map.of(), Map.of("sample", new TestClient.Part("x.tsv",
                "#OTU ID\ts1\nk__Nothing;g__Nowhere\t10\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
        assertThat(foreign.body()).contains("x.tsv").doesNotContain("/tmp/");
        assertThat(t.rows("results")).isEqualTo(before);
    }

    private static String Html(String text) {
        return org.osteobiome.app.web.pages.Html.esc(text);
    }
}
