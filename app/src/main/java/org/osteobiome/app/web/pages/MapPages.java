package org.osteobiome.app.web.pages;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Base64;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.SampleReports;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;

/** Stored reference maps: the .osmap download and scoring a sample against one. */
public final class MapPages {
    private MapPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.signedIn(HandlerType.GET, "/maps/{id}/download", (ctx, p) -> {
            Store.StoredMap m = map(services, p, ctx);
            byte[] bytes = Base64.getDecoder().decode(m.osmapBase64());
            services.with(s -> {
                s.audit(p.user().id(), s.project(m.projectId(), p.teamIds()).orElseThrow().teamId(), "export map", "map " + m.id(), m.name());
                return null;
            });
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(m.name()) + ".osmap\"");
            ctx.contentType("application/gzip").result(bytes);
        });
        routes.signedIn(HandlerType.POST, "/maps/{id}/score", (ctx, p) -> {
            Store.StoredMap m = map(services, p, ctx);
            Store.Project project = services.with(s -> s.project(m.projectId(), p.teamIds())).orElseThrow();
            long id = SampleReports.score(ctx, services, p, project, m);
            ctx.redirect("/results/" + id, HttpStatus.SEE_OTHER);
        });
    }

    static Store.StoredMap map(Services services, Principal p, Context ctx) {
        long id = ProjectPages.longParam(ctx.pathParam("id"), "map");
        return services.with(s -> s.map(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("map " + id));
    }

    /** A download name: letters, digits, dot, dash and underscore. */
    static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isBlank() ? "map" : s;
    }

    /** The form that scores a sample against the map, with the forecast options. */
    static String scoreForm(Principal p, Store.StoredMap m) {
        return "<h2>Score a sample</h2><p>Upload one woman's sample (or a table of several): each is aligned to the map's taxa,"
                + " scored by the elastic net (with the range of the cross-validation models), placed on the map and compared with the"
                + " healthy reference. With the forecast, the gut-bone-axis model projects her lumbar-spine BMD with and without"
                + " <i>L. acidophilus</i>.</p><form method=\"post\" action=\"/maps/" + m.id() + "/score\" enctype=\"multipart/form-data\""
                + " class=\"stack\" id=\"score\">" + Html.csrf(p)
                + "<label>Sample table <input type=\"file\" name=\"sample\" required></label>"
                + "<label>Sample id (empty: every sample in the file) <input name=\"sample_id\" maxlength=\"200\"></label>"
                + "<fieldset><legend>Bone forecast</legend><div class=\"checks\"><label><input type=\"checkbox\" name=\"forecast\""
                + " value=\"on\" id=\"forecast\"> forecast her bone</label></div>"
                + JobPages.number("start_year", "Years since her menopause at the sample (0–30)", "0", "0", "30", "any")
                + JobPages.number("years", "Years to forecast", "10", "0.1", "30", "any")
                + JobPages.number("dose", "L. acidophilus dose (1e9 CFU/day; 0: none)", "10", "0", "1000", "any")
                + JobPages.select("menopause", "Menopause", java.util.List.of("natural", "surgical"), "natural")
                + JobPages.number("population", "Virtual women for the bands (1–500)", "100", "1", "500", "1")
                + JobPages.number("forecast_seed", "Seed", "0", "", "", "1")
                + "</fieldset><button type=\"submit\">Score</button></form>";
    }
}
