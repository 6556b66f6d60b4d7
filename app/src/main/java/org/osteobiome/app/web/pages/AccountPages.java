package org.osteobiome.app.web.pages;

import static org.osteobiome.app.web.pages.Html.esc;

import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Authenticator;
import org.osteobiome.app.web.auth.Passwords;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.auth.Secrets;
import org.osteobiome.app.web.store.Store;

/** API tokens, the audit log, and the site administrator's users and teams. */
public final class AccountPages {
    private AccountPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.signedIn(HandlerType.GET, "/tokens", (ctx, p) -> ctx.html(tokens(services, p, null)));
        routes.signedIn(HandlerType.POST, "/tokens", (ctx, p) -> {
            String name = ProjectPages.required(ctx.formParam("name"), "a token name", 200);
            String token = createToken(services, p, name);
            ctx.html(tokens(services, p, token));
        });
        routes.signedIn(HandlerType.POST, "/tokens/{id}/revoke", (ctx, p) -> {
            long id = ProjectPages.longParam(ctx.pathParam("id"), "token");
            boolean revoked = services.with(s -> {
                boolean done = s.revokeToken(p.user().id(), id);
                if (done) {
                    s.audit(p.user().id(), null, "revoke token", "token " + id, "");
                }
                return done;
            });
            if (!revoked) {
                throw HttpError.notFound("token " + id);
            }
            ctx.redirect("/tokens", HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.GET, "/audit", (ctx, p) -> ctx.html(audit(services, p)));
        routes.signedIn(HandlerType.GET, "/admin", (ctx, p) -> ctx.html(admin(services, requireSiteAdmin(p), null)));
        routes.signedIn(HandlerType.POST, "/admin/users", (ctx, p) -> {
            requireSiteAdmin(p);
            String email = ProjectPages.required(ctx.formParam("email"), "an email", 320);
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                throw HttpError.badRequest("'" + email + "' is not an email address");
            }
            String name = ProjectPages.required(ctx.formParam("name"), "a display name", 200);
            String password = ctx.formParam("password");
            Passwords.check(password);
            String hash = services.auth().passwords().hash(password);
            services.with(s -> {
                if (s.userByEmail(email).isPresent()) {
                    throw HttpError.badRequest("a user with email " + email + " exists already");
                }
                long id = s.createUser(email, name, hash, false);
                s.audit(p.user().id(), null, "create user", "user " + id, email);
                return null;
            });
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.POST, "/admin/teams", (ctx, p) -> {
            requireSiteAdmin(p);
            String name = ProjectPages.required(ctx.formParam("name"), "a team name", 200);
            services.with(s -> {
                if (s.teamByName(name).isPresent()) {
                    throw HttpError.badRequest("a team called " + name + " exists already");
                }
                long id = s.createTeam(name);
                s.audit(p.user().id(), id, "create team", "team " + id, name);
                return null;
            });
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.POST, "/admin/memberships", (ctx, p) -> {
            requireSiteAdmin(p);
            long user = ProjectPages.longParam(ctx.formParam("user"), "user");
            long team = ProjectPages.longParam(ctx.formParam("team"), "team");
            Store.Role role = Store.Role.parse(String.valueOf(ctx.formParam("role")));
            services.with(s -> {
                Store.User u = s.user(user).orElseThrow(() -> HttpError.notFound("user " + user));
                if (s.teams().stream().noneMatch(t -> t.id() == team)) {
                    throw HttpError.notFound("team " + team);
                }
                s.setMembership(user, team, role);
                s.audit(p.user().id(), team, "set role", "user " + user, u.email() + " → " + role.id());
                return null;
            });
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        });
    }

    /** Creates a token for the principal and returns it (shown once; only its hash is kept). */
    public static String createToken(Services services, Principal p, String name) {
        String token = Authenticator.TOKEN_PREFIX + Secrets.random();
        services.with(s -> {
            long id = s.createToken(p.user().id(), name, Secrets.hash(token));
            s.audit(p.user().id(), null, "create token", "token " + id, name);
            return null;
        });
        return token;
    }

    private static Principal requireSiteAdmin(Principal p) {
        if (!p.user().siteAdmin()) {
            throw HttpError.forbidden("this page is for site administrators");
        }
        return p;
    }

    private static String tokens(Services services, Principal p, String fresh) {
        List<Store.ApiToken> list = services.with(s -> s.tokens(p.user().id()));
        StringBuilder b = new StringBuilder("<h1>API tokens</h1><p>Scripts call the JSON API (<a href=\"/api/openapi.json\">OpenAPI"
                + " description</a>) with <code>Authorization: Bearer TOKEN</code>. A token acts as you, in your teams, until revoked.</p>");
        if (fresh != null) {
            b.append("<p class=\"notice\" role=\"status\">New token (shown once; copy it now): <code id=\"new-token\">").append(esc(fresh))
                    .append("</code></p>");
        }
        b.append("<table class=\"list\" id=\"tokens\"><thead><tr><th>Name</th><th>Created</th><th>State</th><th></th></tr></thead><tbody>");
        for (Store.ApiToken t : list) {
            b.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(ProjectPages.WHEN.format(t.createdAt())).append("</td><td>")
                    .append(t.revokedAt() == null ? "active" : "revoked " + ProjectPages.WHEN.format(t.revokedAt())).append("</td><td>");
            if (t.revokedAt() == null) {
                b.append("<form method=\"post\" action=\"/tokens/").append(t.id()).append("/revoke\" class=\"inline\">").append(Html.csrf(p))
                        .append("<button type=\"submit\">Revoke</button></form>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table><h2>New token</h2><form method=\"post\" action=\"/tokens\" class=\"inline-form\">").append(Html.csrf(p))
                .append("<label>Name <input name=\"name\" required maxlength=\"200\" placeholder=\"e.g. nightly scoring script\"></label>"
                        + "<button type=\"submit\">Create token</button></form>");
        return Html.page("API tokens", p, b.toString());
    }

    private static String audit(Services services, Principal p) {
        List<Long> teams = p.user().siteAdmin() ? null
                : p.memberships().stream().filter(m -> m.role() == Store.Role.ADMIN).map(Store.Membership::teamId).toList();
        List<Store.AuditEntry> entries = services.with(s -> s.auditLog(teams, 500));
        StringBuilder b = new StringBuilder("<h1>Audit log</h1><p class=\"muted\">Who signed in, uploaded, ran, exported or deleted "
                + "what; append-only. ")
                .append(p.user().siteAdmin() ? "All teams (site administrator)." : "The teams you administer.").append("</p>")
                .append("<table class=\"list\" id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>Team</th><th>Action</th><th>On</th>"
                        + "<th>Detail</th></tr></thead><tbody>");
        for (Store.AuditEntry e : entries) {
            b.append("<tr><td>").append(ProjectPages.WHEN.format(e.at())).append("</td><td>").append(esc(e.user() == null ? "" : e.user()))
                    .append("</td><td>").append(esc(e.team() == null ? "" : e.team())).append("</td><td>").append(esc(e.action()))
                    .append("</td><td>").append(esc(e.target())).append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        return Html.page("Audit log", p, b.append("</tbody></table>").toString());
    }

    private static String admin(Services services, Principal p, String error) {
        List<Store.User> users = services.with(Store::users);
        List<Store.Team> teams = services.with(Store::teams);
        StringBuilder b = new StringBuilder("<h1>Administration</h1>").append(Html.notice("error", error));
        b.append("<h2>Users</h2><table class=\"list\" id=\"users\"><thead><tr><th>Email</th><th>Name</th><th>Teams</th></tr></thead><tbody>");
        for (Store.User u : users) {
            List<Store.Membership> ms = services.with(s -> s.memberships(u.id()));
            b.append("<tr><td>").append(esc(u.email())).append(u.siteAdmin() ? " (site admin)" : "").append("</td><td>")
                    .append(esc(u.displayName())).append("</td><td>");
            for (Store.Membership m : ms) {
                b.append(esc(m.teamName())).append(": ").append(m.role().id()).append("<br>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table><h2>New user</h2><form method=\"post\" action=\"/admin/users\" class=\"stack\">").append(Html.csrf(p))
                .append("<label>Email <input type=\"email\" name=\"email\" required></label><label>Name <input name=\"name\" required>"
                        + "</label><label>Initial password (10–72 characters) <input type=\"password\" name=\"password\" required minlength=\"10\""
                        + " autocomplete=\"new-password\"></label><button type=\"submit\">Create user</button></form>");
        b.append("<h2>Teams</h2><ul id=\"teams\">");
        for (Store.Team t : teams) {
            b.append("<li>").append(esc(t.name())).append("</li>");
        }
        b.append("</ul><form method=\"post\" action=\"/admin/teams\" class=\"inline-form\">").append(Html.csrf(p))
                .append("<label>New team <input name=\"name\" required maxlength=\"200\"></label><button type=\"submit\">Create team</button>"
                        + "</form><h2>Membership</h2><form method=\"post\" action=\"/admin/memberships\" class=\"inline-form\">")
                .append(Html.csrf(p)).append("<label>User <select name=\"user\">");
        for (Store.User u : users) {
            b.append("<option value=\"").append(u.id()).append("\">").append(esc(u.email())).append("</option>");
        }
        b.append("</select></label><label>Team <select name=\"team\">");
        for (Store.Team t : teams) {
            b.append("<option value=\"").append(t.id()).append("\">").append(esc(t.name())).append("</option>");
        }
        b.append("</select></label><label>Role <select name=\"role\"><option>viewer</option><option>researcher</option><option>admin</option>"
                + "</select></label><button type=\"submit\">Set role</button></form>");
        return Html.page("Administration", p, b.toString());
    }
}
