package org.osteobiome.app.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.osteobiome.core.OsteobiomeException;

/** bcrypt password hashes. Passwords are 10 to 72 bytes (bcrypt reads no more than 72). */
public final class Passwords {
    /** The work factor for new hashes: 2^12 rounds, about a quarter of a second here. */
    public static final int DEFAULT_COST = 12;

    private final int cost;

    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 … 31, got " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        check(password);
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > 72 || hash == null) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Refuses a password bcrypt cannot hold whole or that is too short to resist guessing. */
    public static void check(String password) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 10) {
            throw OsteobiomeException.invalid("a password needs at least 10 characters");
        }
        if (bytes > 72) {
            throw OsteobiomeException.invalid("a password may have at most 72 bytes (bcrypt reads no more); choose a shorter one");
        }
    }
}
