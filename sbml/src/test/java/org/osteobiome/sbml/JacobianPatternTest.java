package org.osteobiome.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.gutbone.GutBoneAxis;

/**
 * The Jacobian pattern the importer reads from the math is structural: at the initial state and at seeded states
 * around it, changing a state outside a row's pattern leaves that derivative exactly as it was — for every SBML Test
 * Suite case in the test resources and for exported gut-bone-axis scenarios.
 */
class JacobianPatternTest {
    @Test
    void patternCoversEveryDependenceOfTheTestSuiteCases() throws Exception {
        Path cases = Path.of(JacobianPatternTest.class.getResource("/sbml-test-suite/cases").toURI());
        int checked = 0;
        try (Stream<Path> folders = Files.list(cases)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(folder.getFileName() + "-sbml-l3v2.xml");
                if (!Files.exists(file)) {
                    continue;
                }
                SbmlOdeModel model;
                try {
                    model = SbmlImporter.read(file.toString(), Files.readString(file));
                } catch (OsteobiomeException unsupported) {
                    continue;
                }
                assertStructural(model, file.getFileName().toString());
                checked++;
            }
        }
        assertThat(checked).as("cases imported and checked").isGreaterThanOrEqualTo(60);
    }

    @Test
    void exportedGutBoneAxisPatternIsStructuralAndSparse() throws IOException {
        for (String scenario : new String[] {"ovx-la", "menopause-natural-la"}) {
            GutBoneAxis axis = new GutBoneAxis();
            ParameterSet p = ParameterSet.defaults(axis).with("scenario", scenario);
            SbmlOdeModel model = SbmlImporter.read(scenario + ".xml", SbmlExporter.write(axis.symbolic(p)));
            assertStructural(model, scenario);
            int nonZero = 0;
            for (boolean[] row : model.jacobianPattern()) {
                for (boolean b : row) {
                    nonZero += b ? 1 : 0;
                }
            }
            int n = model.dimension();
            assertThat(nonZero).as(scenario + ": non-zeros of " + n + " × " + n).isLessThan(n * n / 4);
        }
    }

    private static void assertStructural(SbmlOdeModel model, String what) {
        boolean[][] pattern = model.jacobianPattern();
        int n = model.dimension();
        assertThat(pattern).as(what).hasNumberOfRows(n);
        SplittableRandom random = new SplittableRandom(5);
        double t = model.startTime;
        double[] f0 = new double[n];
        double[] f = new double[n];
        for (int trial = 0; trial < 8; trial++) {
            double[] y = model.initialState();
            if (trial > 0) {
                for (int i = 0; i < n; i++) {
                    y[i] = y[i] == 0 ? random.nextDouble() : y[i] * (0.5 + 1.5 * random.nextDouble());
                }
            }
            model.derivatives(t, y, f0);
            for (int j = 0; j < n; j++) {
                double[] shifted = y.clone();
                shifted[j] = y[j] == 0 ? 0.37 : y[j] * 1.37;
                model.derivatives(t, shifted, f);
                for (int i = 0; i < n; i++) {
                    if (!pattern[i][j]) {
                        assertThat(Double.compare(f[i], f0[i])).as("%s: row %d changed with state %d (%s)", what, i, j,
                                model.stateName(j)).isZero();
                    }
                }
            }
        }
    }
}
