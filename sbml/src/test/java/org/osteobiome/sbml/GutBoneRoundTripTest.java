package org.osteobiome.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.gutbone.GutBoneAxis;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.Solvers;

/**
 * Exported gut-bone-axis, read back by osteobiome's own SBML importer and simulated, reproduces the native
 * simulation: the SBML equations are the Java right-hand side, term for term, with the same schedule.
 */
class GutBoneRoundTripTest {

    @ParameterizedTest
    @CsvSource({"ovx-la, on, 'bv_tv_pct,th17_bone_pct,treg_bone_pct,butyrate_gut_uM,transdiff_flux,il17_fold'",
        "ovx-butyrate, off, 'bv_tv_pct,treg_bone_pct,butyrate_bone_uM'",
        "menopause-natural-la-late, on, 'bmd_pct,bmd_rate_pct_per_year,th17_bone_pct,rorgt_treg_gut_pct,tnf_fold'",
        "menopause-surgical, on, 'bmd_pct,estrogen'"})
    void reimportedModelReproducesTheNativeSimulation(String scenario, String couplings, String observables) {
        GutBoneAxis model = new GutBoneAxis();
        ParameterSet p = ParameterSet.defaults(model).with("scenario", scenario).with("couplings", couplings);
        boolean human = scenario.startsWith("menopause");
        double[] times = human ? new double[] {0, 100, 365, 1000, 1825, 2190, 3650} : new double[] {0, 0.5, 3, 13.9, 14.1, 21, 28};
        List<String> names = List.of(observables.split(","));
        Trajectory nativeRun = model.simulate(p, SimulationSettings.DEFAULTS.withOutputTimes(times).withTolerances(1e-10, 1e-12));
        String xml = SbmlExporter.write(model.symbolic(p));
        assertThat(xml).contains("<rateRule").contains("<assignmentRule").contains("not a diagnostic device").contains("per_day");
        SbmlOdeModel imported = SbmlImporter.read(scenario + ".xml", xml);
        SbmlSimulator.Result again = SbmlSimulator.simulate(imported, Solvers.byName("rodas4",
                SolverOptions.tolerances(1e-10, 1e-12).withEventTolerance(1e-10)), times, names, Set.of(), 1);
        for (int i = 0; i < times.length; i++) {
            for (int c = 0; c < names.size(); c++) {
                double expected = nativeRun.at(times[i], names.get(c));
                assertThat(again.values()[i][c]).as(scenario + " " + names.get(c) + " at day " + times[i])
                        .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
