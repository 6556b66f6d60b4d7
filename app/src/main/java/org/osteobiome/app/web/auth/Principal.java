package org.osteobiome.app.web.auth;

import java.util.List;
import java.util.Optional;
import org.osteobiome.app.web.store.Store;

/**
 * Who is asking: the user, her teams with her role in each, and how she authenticated — a browser session (with its
 * CSRF token) or an API token (no CSRF: a token is not sent by the browser on its own).
 */
public record Principal(Store.User user, List<Store.Membership> memberships, String sessionHash, String csrfToken) {
    public boolean viaToken() {
        return sessionHash == null;
    }

    public List<Long> teamIds() {
        return memberships.stream().map(Store.Membership::teamId).toList();
    }

    public Optional<Store.Role> role(long teamId) {
        return memberships.stream().filter(m -> m.teamId() == teamId).map(Store.Membership::role).findFirst();
    }

    public boolean may(long teamId, Store.Role needed) {
        return role(teamId).map(r -> r.atLeast(needed)).orElse(false);
    }
}
