package org.osteobiome.model.ode;

/** One event that fired during a solve: its name and the time at which it was applied. */
public record EventRecord(String name, double time) {
}
