package org.osteobiome.microbiome.ordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void reconstructsRandomSymmetricMatricesWithOrthonormalVectors() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 7, 40, 150}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = a[j][i] = random.nextDouble(-1, 1);
                }
            }
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = a[i].clone();
            }
            SymmetricEigen.Result r = SymmetricEigen.decompose(copy);
            for (int k = 1; k < n; k++) {
                assertThat(r.values()[k]).isLessThanOrEqualTo(r.values()[k - 1]);
            }
            for (int p = 0; p < n; p++) {
                // A·v = λ·v
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) {
                        av += a[i][j] * r.vectors()[p][j];
                    }
                    assertThat(av).isCloseTo(r.values()[p] * r.vectors()[p][i], org.assertj.core.data.Offset.offset(1e-11));
                }
                for (int q = p; q < n; q++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += r.vectors()[p][i] * r.vectors()[q][i];
                    }
                    assertThat(dot).isCloseTo(p == q ? 1 : 0, org.assertj.core.data.Offset.offset(1e-11));
                }
            }
        }
    }

    @Test
    void handlesRepeatedEigenvaluesAndZeroColumns() {
        double[][] a = {{2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 5}};
        SymmetricEigen.Result r = SymmetricEigen.decompose(a);
        assertThat(r.values()).containsExactly(5, 2, 2, 0);
    }
}
