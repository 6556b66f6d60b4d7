package org.osteobiome.model;

/**
 * A named output of a model.
 *
 * @param id          column name (used with {@code --observables})
 * @param unit        unit shown on plot axes ("1" for dimensionless)
 * @param description what it is
 */
public record Observable(String id, String unit, String description) {
}
