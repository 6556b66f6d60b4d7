package org.osteobiome.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.web.store.Database;
import org.osteobiome.app.web.store.Store;

/**
 * The server killed with SIGKILL ({@code kill -9}) in the middle of an upload and in the middle of an analysis, then
 * started again on the same database: what had been stored is all there, nothing half-written is (no cohort without its
 * overview, no overview without its cohort), and the server works on. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class WebCrashContract {
    /** The server's database URL (null: H2 in a file under the test's folder). */
    abstract String databaseUrl();

    @TempDir
    Path dir;

    @Test
    void killedDuringAnUploadAndDuringAnAnalysisLosesNothingStoredAndLeavesNoHalfRows() throws Exception {
        int port = freePort();
        Process server = start(port);
        TestClient c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        // what serve --demo stored (without the repository's cohort at hand): one team and user, two projects with two
        // simulations and a virtual population
        Map<String, Long> stored = new java.util.TreeMap<>(Map.of("users", 1L, "teams", 1L, "projects", 2L, "results", 3L, "cohorts", 0L));

        // 1. killed while the table is still arriving
        c.get("/projects/1/cohorts/new");
        CompletableFuture<HttpResponse<String>> slow = slowUpload(c, port);
        Thread.sleep(800);
        server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        assertThat(slow.handle((r, e) -> e != null || r.statusCode() >= 400).get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(readCounts()).as("after a kill during an upload").isEqualTo(stored);

        // 2. killed while the overview is being computed (upload complete, analysis running)
        server = start(port);
        c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        c.get("/projects/1/cohorts/new");
        TestClient busy = c;
        CompletableFuture<TestClient.Reply> upload = CompletableFuture.supplyAsync(() -> busy.upload("/projects/1/cohorts",
                Map.of("group_column", "Classification", "rank", "genus"), karlsson()));
        Thread.sleep(400);
        server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        upload.handle((r, e) -> r).get(20, TimeUnit.SECONDS);
        Map<String, Long> after = readCounts();
        long cohorts = after.get("cohorts");
        assertThat(cohorts).isBetween(0L, 1L);
        assertThat(after.get("results")).isEqualTo(stored.get("results") + cohorts);
        assertThat(after.get("projects")).isEqualTo(stored.get("projects"));
        assertThat(after.get("users")).isEqualTo(stored.get("users"));

        // 3. and it starts again and works
        server = start(port);
        c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        c.get("/projects/1/cohorts/new");
        assertThat(c.upload("/projects/1/cohorts", Map.of("group_column", "Classification", "rank", "genus"), karlsson()).status())
                .isEqualTo(303);
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
        assertThat(readCounts().get("cohorts")).isEqualTo(cohorts + 1);
    }

    @Test
    void aJobRunningWhenTheServerIsKilledOrStoppedIsMarkedInterruptedAndRunsAgain() throws Exception {
        int port = freePort();
        Process server = start(port);
        TestClient c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        long job = bigJob(c);
        awaitState(c, job, "running");
        server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        long resultsAfterKill = readCounts().get("results");

        server = start(port);
        c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        assertThat(status(c, job).path("state").asText()).isEqualTo("interrupted");
        assertThat(status(c, job).path("message").asText()).contains("Run it again");
        c.get("/jobs/" + job);
        TestClient.Reply rerun = c.post("/jobs/" + job + "/rerun", Map.of());
        assertThat(rerun.status()).isEqualTo(303);
        long second = Long.parseLong(rerun.header("Location").replace("/jobs/", ""));
        awaitState(c, second, "running");
        server.destroy(); // SIGTERM: a clean stop
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        assertThat(readCounts().get("results")).as("nothing of either job was stored").isEqualTo(resultsAfterKill);

        server = start(port);
        c = new TestClient("http://127.0.0.1:" + port);
        assertThat(c.login(DemoData.EMAIL, DemoData.PASSWORD).status()).isEqualTo(303);
        assertThat(status(c, second).path("state").asText()).isEqualTo("interrupted");
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    /** A virtual population of 20,000 women over 20 years: long enough to be killed while it runs. */
    private static long bigJob(TestClient c) {
        c.get("/projects/2/jobs/new?kind=vpop");
        TestClient.Reply r = c.post("/projects/2/jobs", Map.of("kind", "vpop", "scenario", "menopause-natural", "n", "20000", "variability",
                "human-variability.tsv"));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.header("Location").replace("/jobs/", ""));
    }

    private static com.fasterxml.jackson.databind.JsonNode status(TestClient c, long job) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.api("GET", "/api/jobs/" + job, null, null).body());
    }

    private static void awaitState(TestClient c, long job, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!status(c, job).path("state").asText().equals(state)) {
            assertThat(System.nanoTime()).as("job " + job + " reaches " + state).isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300); // well inside the run
    }

    private Map<String, TestClient.Part> karlsson() {
        try {
            return Map.of("table", new TestClient.Part("taxatable.txt", Files.readAllBytes(WebApplicationContract.KARLSSON)), "metadata",
                    new TestClient.Part("mapping-orig.txt", Files.readAllBytes(WebApplicationContract.KARLSSON_META)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload whose body trickles in (64 KiB every 100 ms), so that the server dies while it arrives. */
    private static CompletableFuture<HttpResponse<String>> slowUpload(TestClient c, int port) {
        String boundary = "----slow";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + c.csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"table\"; filename=\"t.tsv\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            private int sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent < head.length) {
                    int n = Math.min(len, head.length - sent);
                    System.arraycopy(head, sent, b, off, n);
                    sent += n;
                    return n;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return -1;
                }
                int n = Math.min(len, 65536);
                java.util.Arrays.fill(b, off, off + n, (byte) '1');
                sent += n;
                return sent > 50 << 20 ? -1 : n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/projects/1/cohorts"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "osteobiome_session=" + c.sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.osteobiome.app.Main",
                "serve", "--demo", "--port", String.valueOf(port), "--data", dir.resolve("data").toString()));
        if (databaseUrl() != null) {
            command.addAll(List.of("--db", databaseUrl()));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("is running at")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start:\n" + seen);
    }

    private Map<String, Long> readCounts() {
        try (Database db = Database.open(databaseUrl() != null ? databaseUrl() : Database.defaultUrl(dir.resolve("data")), null, null)) {
            return db.transaction(conn -> {
                Store s = new Store(conn);
                Map<String, Long> out = new java.util.TreeMap<>();
                for (String table : List.of("users", "teams", "projects", "results", "cohorts")) {
                    out.put(table, s.rows(table));
                }
                return out;
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
