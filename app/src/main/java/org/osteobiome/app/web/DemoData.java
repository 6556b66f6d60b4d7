package org.osteobiome.app.web;

import java.util.List;
import java.util.Map;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.web.auth.Principal;
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

    /** Creates the demo account and project with two stored simulations unless they exist; returns whether it created them. */
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
        return true;
    }
}
