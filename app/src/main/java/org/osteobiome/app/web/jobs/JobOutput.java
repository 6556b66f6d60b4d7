package org.osteobiome.app.web.jobs;

import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.store.Store;

/**
 * What a finished job stores: one result (kind, title, provenance, payload as JSON-ready values) and, optionally, more
 * rows that belong to it (a map file), written in the same transaction.
 */
public record JobOutput(String kind, String title, Provenance provenance, Object payload, Extra extra) {
    /** More rows stored with the result, in its transaction. */
    @FunctionalInterface
    public interface Extra {
        void store(Store store, long resultId) throws java.sql.SQLException;
    }

    public JobOutput(String kind, String title, Provenance provenance, Object payload) {
        this(kind, title, provenance, payload, null);
    }
}
