package org.osteobiome.model;

import java.util.List;

/**
 * A mechanistic model that osteobiome can simulate: its parameters, its outputs and its
 * protocol (cycles, input switches, resets). Implementations are immutable and thread-safe.
 */
public interface Model {

    /** Identifier used on the command line, e.g. {@code islam2021-butyrate}. */
    String id();

    /** One line: what the model describes. */
    String summary();

    /** Full citation of the model and, where one exists, its original code and licence. */
    String reference();

    /** Every parameter, with its default, unit, range, meaning and source. */
    List<ParameterSpec> parameters();

    /** Every output column the model produces, in column order. */
    List<Observable> observables();

    /** Default output times and axis labelling for these parameter values. */
    TimeGrid defaultGrid(ParameterSet parameters);

    /**
     * Runs the model.
     *
     * @throws org.osteobiome.core.OsteobiomeException for inconsistent settings, solver failures
     *         and states leaving the model's domain (with the cause and time)
     */
    Trajectory simulate(ParameterSet parameters, SimulationSettings settings);

    /**
     * The model for these parameter values written out as equations, for export (SBML).
     *
     * @throws org.osteobiome.core.OsteobiomeException with code UNSUPPORTED for models that are only available as code
     */
    default org.osteobiome.model.symbolic.SymbolicModel symbolic(ParameterSet parameters) {
        throw new org.osteobiome.core.OsteobiomeException(org.osteobiome.core.ErrorCode.UNSUPPORTED, "model " + id()
                + " has no equation form for export yet; gut-bone-axis has");
    }

    /**
     * Parameters that these settings never read (for example the other species preset's), so that an analysis does
     * not vary them by default. Models whose every parameter always acts return the empty set.
     */
    default java.util.Set<String> inactiveParameters(ParameterSet parameters) {
        return java.util.Set.of();
    }

    /**
     * What a reader of this run should know that the numbers do not say (a published behaviour that looks like an
     * error, a window the model was not fitted on); one sentence each, empty for most runs.
     */
    default List<String> notes(ParameterSet parameters, Trajectory run) {
        return List.of();
    }

    /** The solver and tolerances this model uses when the settings leave them open. */
    SolverDefaults solverDefaults();

    /** The defaults of this model's parameters. */
    default ParameterSet defaults() {
        return ParameterSet.defaults(this);
    }

    /** Default output grid of a model. */
    record TimeGrid(double start, double end, double step, Trajectory.TimeDisplay display) {
    }
}
