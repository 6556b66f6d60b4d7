package org.osteobiome.app.web.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.WebSettings;
import org.osteobiome.app.web.store.Database;
import org.osteobiome.app.web.store.Store;

/**
 * Sessions, API tokens and CSRF. A browser session is a random id in an HttpOnly, SameSite=Lax cookie (Secure behind
 * TLS), stored only as its SHA-256 with its own CSRF token; a new id is issued at every login; it ends after the idle
 * or the absolute timeout, or at logout, when its row is deleted. Scripts send {@code Authorization: Bearer TOKEN}.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "osteobiome_session";
    public static final String LOGIN_COOKIE = "osteobiome_login";
    public static final String TOKEN_PREFIX = "osb_";

    private final Database db;
    private final WebSettings settings;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    public Authenticator(Database db, WebSettings settings, Passwords passwords, LoginThrottle throttle, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Passwords passwords() {
        return passwords;
    }

    /** The principal of a request, or empty when it carries no valid session or token. */
    public Optional<Principal> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String token = authorization.substring("Bearer ".length()).strip();
            return db.transaction(c -> {
                Store s = new Store(c);
                Optional<Long> user = s.tokenUser(Secrets.hash(token));
                if (user.isEmpty()) {
                    throw new HttpError(401, "the API token is unknown or revoked; create one on the API tokens page");
                }
                return principal(s, user.get(), null, null);
            });
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(cookie);
        Instant now = clock.instant();
        return db.transaction(c -> {
            Store s = new Store(c);
            Optional<Store.Session> session = s.session(hash);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            Store.Session ss = session.get();
            if (ss.lastSeenAt().plus(settings.idleTimeout()).isBefore(now) || ss.createdAt().plus(settings.absoluteTimeout()).isBefore(now)) {
                s.deleteSession(hash);
                return Optional.empty();
            }
            s.touchSession(hash, now);
            return principal(s, ss.userId(), hash, ss.csrfToken());
        });
    }

    private static Optional<Principal> principal(Store s, long userId, String sessionHash, String csrf) throws java.sql.SQLException {
        Optional<Store.User> u = s.user(userId);
        if (u.isEmpty() || u.get().disabled()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(u.get(), s.memberships(userId), sessionHash, csrf));
    }

    /**
     * Checks the password and starts a new session (any session the browser had is ended first); sets the cookie.
     *
     * @throws HttpError 429 while throttled, 401 for a wrong email or password
     */
    public void login(Context ctx, String email, String password) {
        String account = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        long wait = throttle.waitSeconds(account, ctx.ip());
        if (wait > 0) {
            throw new HttpError(429, "too many failed sign-ins; try again in " + wait + " s");
        }
        Optional<Store.User> user = db.transaction(c -> new Store(c).userByEmail(account));
        if (user.isEmpty() || user.get().disabled() || !passwords.verify(password, user.get().passwordHash())) {
            throw failed(ctx, account, user.map(Store.User::id).orElse(null));
        }
        throttle.succeeded(account);
        String id = Secrets.random();
        String old = ctx.cookie(SESSION_COOKIE);
        db.transaction(c -> {
            Store s = new Store(c);
            if (old != null) {
                s.deleteSession(Secrets.hash(old));
            }
            s.createSession(Secrets.hash(id), user.get().id(), Secrets.random(), clock.instant());
            s.audit(user.get().id(), null, "login", "user " + account, "from " + ctx.ip());
            return null;
        });
        setCookie(ctx, SESSION_COOKIE, id, (int) settings.absoluteTimeout().toSeconds());
    }

    private HttpError failed(Context ctx, String account, Long userId) {
        throttle.failed(account, ctx.ip());
        db.transaction(c -> {
            new Store(c).audit(userId, null, "login failed", "user " + account, "from " + ctx.ip());
            return null;
        });
        return new HttpError(401, "wrong email or password");
    }

    /** Ends the session server-side and clears the cookie. */
    public void logout(Context ctx, Principal p) {
        if (p.sessionHash() != null) {
            db.transaction(c -> {
                Store s = new Store(c);
                s.deleteSession(p.sessionHash());
                s.audit(p.user().id(), null, "logout", "user " + p.user().email(), "");
                return null;
            });
        }
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    /**
     * Refuses a state-changing request from a browser session without its CSRF token (form field {@code _csrf} or
     * header {@code X-CSRF-Token}). Token-authenticated requests need none.
     */
    public static void requireCsrf(Context ctx, Principal p) {
        if (p.viaToken()) {
            return;
        }
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) {
            sent = formField(ctx, "_csrf");
        }
        if (!Secrets.same(sent, p.csrfToken())) {
            throw new HttpError(403, "this form has expired or did not come from osteobiome (CSRF token missing or wrong); reload the "
                    + "page and try again");
        }
    }

    /** The login form's own CSRF defence: a random value in a cookie and in the form, which must match. */
    public String loginNonce(Context ctx) {
        String nonce = Secrets.random();
        setCookie(ctx, LOGIN_COOKIE, nonce, 3600);
        return nonce;
    }

    public static void requireLoginNonce(Context ctx) {
        if (!Secrets.same(ctx.cookie(LOGIN_COOKIE), formField(ctx, "_csrf"))) {
            throw new HttpError(403, "the sign-in form has expired (CSRF check); reload the page and sign in again");
        }
    }

    private static String formField(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            return null;
        }
        try {
            return ctx.formParam(name);
        } catch (Exception e) { // ServletException (checked, thrown through Kotlin) or IllegalStateException
            // the servlet container refuses to parse a multipart body past its size limit
            throw new HttpError(413, "the upload is larger than this server accepts, or arrived incomplete; nothing was stored");
        }
    }

    private void setCookie(Context ctx, String name, String value, int maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (settings.secureCookies() || "https".equals(ctx.scheme()) ? "; Secure" : ""));
    }
}
