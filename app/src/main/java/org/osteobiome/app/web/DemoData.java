package org.osteobiome.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.jobs.JobRequest;
import org.osteobiome.app.web.store.Store;

/**
 * The demo team, account and data of {@code serve --demo}: created once, found again on later starts. The password is
 * printed with the address; it is a demo credential for a server on loopback, not for a shared machine.
 */
public final class DemoData {
    public static final String EMAIL = "demo@osteobiome.local";
    public static final String PASSWORD = "osteobiome-demo";
    public static final String TEAM = "Demo lab";

    private DemoData() {
    }

    /**
     * Creates the demo account and two projects unless they exist: two stored simulations of ovariectomised mice; a
     * virtual population of women after menopause; and, when the repository's Karlsson 2013 cohort is at hand, that cohort
     * with its differential abundance and a reference map (as jobs, waited for). Returns whether it created them.
     */
    public static boolean ensure(Services services) {
        if (services.with(s -> s.userByEmail(EMAIL)).isPresent()) {
            return false;
        }
        String hash = services.auth().passwords().hash(PASSWORD);
        long[] ids = services.with(s -> {
            long team = s.createTeam(TEAM);
            long user = s.createUser(EMAIL, "Demo researcher", hash, true);
            s.setMembership(user, team, Store.Role.ADMIN);
            long project = s.createProject(team, "Gut–bone axis in ovariectomised mice",
                    "Ovariectomy with and without L. acidophilus: bone volume and the Treg/Th17 balance (demo data)", user);
            s.audit(user, team, "create demo", "project " + project, "serve --demo");
            return new long[] {team, user, project};
        });
        Store.User user = services.with(s -> s.user(ids[1])).orElseThrow();
        Principal demo = new Principal(user, services.with(s -> s.memberships(ids[1])), null, null);
        Store.Project project = services.with(s -> s.project(ids[2], List.of(ids[0]))).orElseThrow();
        for (String scenario : List.of("ovx", "ovx-la")) {
            Simulations.runAndStore(services, demo, project, new SimulationRequest("gut-bone-axis", Map.of(), scenario, null, 84.0, 1.0,
                    List.of("bv_tv_pct", "treg_gut_pct", "th17_bone_pct", "butyrate_gut_uM"), null, null, null));
        }
        long women = services.with(s -> s.createProject(ids[0], "Women after menopause", "Bone over ten years after a natural menopause:"
                + " a virtual population, and a reference map built from a public gut microbiome cohort (demo data)", ids[1]));
        Store.Project second = services.with(s -> s.project(women, List.of(ids[0]))).orElseThrow();
        services.jobs().submit(demo, second, "vpop", request(Map.of("model", "gut-bone-axis", "scenario", "menopause-natural", "n", "200",
                "variability", "human-variability.tsv", "observables", "bmd_pct,th17_bone_pct", "t_end", "3652.5", "step", "91.3125",
                "seed", "1")));
        Path home = Path.of(System.getProperty("osteobiome.home", "."));
        Path table = home.resolve("data/real/karlsson2013/taxatable.txt");
        Path metadata = home.resolve("data/real/karlsson2013/mapping-orig.txt");
        if (Files.isRegularFile(table) && Files.isRegularFile(metadata)) {
            try {
                CohortUploads.store(services, demo, second, table, metadata, "Karlsson 2013 (stand-in cohort: glucose tolerance, not bone)",
                        "Classification", "genus");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long cohort = services.with(s -> s.cohorts(women)).get(0).id();
            Map<String, String> design = Map.of("cohort", String.valueOf(cohort), "healthy", "NGT");
            services.jobs().submit(demo, second, "cohort-da", request(design));
            Map<String, String> map = new java.util.LinkedHashMap<>(design);
            map.putAll(Map.of("name", "Karlsson 2013 demo map", "cv_repeats", "2", "trees", "100", "seed", "0",
                    "label", "DEMO: Karlsson 2013 (NGT vs IGT/T2D) standing in for a bone cohort"));
            services.jobs().submit(demo, second, "map-build", request(map));
        }
        awaitJobs(services, women);
        return true;
    }

    private static JobRequest request(Map<String, String> fields) {
        Map<String, List<String>> form = new java.util.TreeMap<>(); // in name order: the same request, and map file, on every machine
        fields.forEach((k, v) -> form.put(k, List.of(v)));
        return JobRequest.ofForm(form);
    }

    /** Waits (at most ten minutes) until the demo's jobs have ended, so the demo is complete when the address is printed. */
    private static void awaitJobs(Services services, long project) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && services.with(s -> s.jobs(project)).stream().anyMatch(j -> !j.state().finished())) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
