package org.osteobiome.model;

import java.util.List;

/**
 * A model's fixed description (default solver, id, summary, reference, parameters, observables), shared by the
 * implementations.
 */
public abstract class DescribedModel implements Model {
    private final SolverDefaults solver;
    private final String id;
    private final String summary;
    private final String reference;
    private final List<ParameterSpec> parameters;
    private final List<Observable> observables;

    protected DescribedModel(SolverDefaults solver, String id, String summary, String reference, List<ParameterSpec> parameters,
                             List<Observable> observables) {
        this.solver = solver;
        this.id = id;
        this.summary = summary;
        this.reference = reference;
        this.parameters = List.copyOf(parameters);
        this.observables = List.copyOf(observables);
    }

    @Override
    public final SolverDefaults solverDefaults() {
        return solver;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String reference() {
        return reference;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final List<Observable> observables() {
        return observables;
    }
}
