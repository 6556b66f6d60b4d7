package org.osteobiome.model;

/**
 * The solver and tolerances a model runs with unless the user asks otherwise: the settings at which its reference
 * checks (and, for gut-bone-axis, its calibration) were made. One declaration per model, read by its simulation,
 * by the command line and by {@code model show}.
 */
public record SolverDefaults(String solver, double relativeTolerance, double absoluteTolerance) {
}
