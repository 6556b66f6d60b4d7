package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseLuTest {

    @Test
    void solvesRandomSystemsToRoundOff() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 1; n <= 20; n++) {
            double[][] a = new double[n][n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble(-1, 1);
                for (int j = 0; j < n; j++) {
                    a[i][j] = random.nextDouble(-1, 1);
                }
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i] += a[i][j] * x[j];
                }
            }
            DenseLu lu = new DenseLu(n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, lu.matrix()[i], 0, n);
            }
            assertThat(lu.factor()).isTrue();
            lu.solve(b);
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).isCloseTo(x[i], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void reportsSingularMatrices() {
        DenseLu lu = new DenseLu(2);
        lu.matrix()[0][0] = 1;
        lu.matrix()[0][1] = 2;
        lu.matrix()[1][0] = 2;
        lu.matrix()[1][1] = 4;
        assertThat(lu.factor()).isFalse();
    }
}
