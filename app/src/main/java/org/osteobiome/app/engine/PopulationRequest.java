package org.osteobiome.app.engine;

import java.io.Serializable;
import java.util.List;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * A virtual population as it travels to a cluster's workers: everything in it is plain data, and every worker rebuilds
 * the same {@link VirtualPopulation.Cohort} from it.
 *
 * @param base        the shared parameters; its model is looked up by id in the {@link ModelCatalog}
 * @param n           subjects 0 … n − 1
 * @param subjectsOut where per-subject outcomes go (a Parquet directory for Spark), or null
 */
public record PopulationRequest(ParameterSet base, SimulationSettings settings, Variability variability, List<String> observables,
                                long n, long seed, String subjectsOut) implements Serializable {
    public PopulationRequest {
        observables = List.copyOf(observables);
    }

    public Model model() {
        return ModelCatalog.get(base.modelId());
    }

    /** The prepared population (one reference run of the model). */
    public VirtualPopulation.Cohort cohort() {
        return new VirtualPopulation.Cohort(model(), base, settings, variability, observables, seed);
    }
}
