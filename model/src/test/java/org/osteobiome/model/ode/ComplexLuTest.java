package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComplexLuTest {

    /** ((a + ib)·I − J)·x = rhs for random J (some entries zeroed, as in sparse Jacobians) and complex x, to round-off. */
    @Test
    void solvesRandomShiftedSystemsToRoundOff() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 1; n <= 20; n++) {
            double a = random.nextDouble(-2, 2);
            double b = random.nextDouble(-2, 2);
            double[][] j = new double[n][n];
            double[] xRe = new double[n];
            double[] xIm = new double[n];
            for (int r = 0; r < n; r++) {
                xRe[r] = random.nextDouble(-1, 1);
                xIm[r] = random.nextDouble(-1, 1);
                for (int c = 0; c < n; c++) {
                    j[r][c] = random.nextDouble() < 0.6 ? 0.0 : random.nextDouble(-1, 1);
                }
            }
            double[] bRe = new double[n];
            double[] bIm = new double[n];
            for (int r = 0; r < n; r++) {
                bRe[r] = a * xRe[r] - b * xIm[r];
                bIm[r] = a * xIm[r] + b * xRe[r];
                for (int c = 0; c < n; c++) {
                    bRe[r] -= j[r][c] * xRe[c];
                    bIm[r] -= j[r][c] * xIm[c];
                }
            }
            ComplexLu lu = new ComplexLu(n);
            assertThat(lu.factor(a, b, j)).isTrue();
            lu.solve(bRe, bIm);
            for (int r = 0; r < n; r++) {
                assertThat(bRe[r]).as("n=%d re x%d", n, r).isCloseTo(xRe[r], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(bIm[r]).as("n=%d im x%d", n, r).isCloseTo(xIm[r], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void reportsSingularMatrices() {
        // (2 + 0i)·I − J with J = [[2, 0], [5, 2]]: the first column of the shifted matrix is zero.
        ComplexLu lu = new ComplexLu(2);
        assertThat(lu.factor(2, 0, new double[][] {{2, 0}, {5, 2}})).isFalse();
    }
}
