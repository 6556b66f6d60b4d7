package org.osteobiome.app.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login throttling: after {@code limit} failures for one account or from one address within the window, further
 * attempts are refused until the oldest failure leaves the window (a correct password included, so guessing gains
 * nothing). Kept in memory: a restart forgets it.
 */
public final class LoginThrottle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds to wait before the next attempt for this account or address; 0 when one may try now. */
    public long waitSeconds(String account, String address) {
        return Math.max(wait("account:" + account), wait("address:" + address));
    }

    public void failed(String account, String address) {
        record("account:" + account);
        record("address:" + address);
    }

    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private long wait(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d);
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(clock.instant(), d.peekFirst().plus(window)).toSeconds());
        }
    }

    private void record(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> d) {
        Instant cutoff = clock.instant().minus(window);
        while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) {
            d.removeFirst();
        }
    }
}
