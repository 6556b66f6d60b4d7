package org.osteobiome.microbiome.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;

/**
 * The penalised logistic regression against R glmnet 4.1.6 and the AUROC with its DeLong interval against pROC 1.18.0,
 * on Karlsson 2013 T2D vs NGT (fixtures/cohort_fixtures.R).
 */
class ClassifierReferenceTest {

    private record Design(List<String> features, double[][] x, int[] y) {
    }

    private static Design design() {
        List<Map<String, String>> rows = SharedData.rows("karlsson-t2d-design.tsv");
        List<String> features = new ArrayList<>(rows.get(0).keySet()).subList(2, rows.get(0).size());
        double[][] x = new double[rows.size()][features.size()];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = Integer.parseInt(rows.get(i).get("y"));
            for (int j = 0; j < features.size(); j++) {
                x[i][j] = Double.parseDouble(rows.get(i).get(features.get(j)));
            }
        }
        return new Design(features, x, y);
    }

    @Test
    void coefficientsEqualGlmnetAtEachPenalty() {
        Design d = design();
        List<Map<String, String>> expected = SharedData.rows("karlsson-t2d-glmnet.tsv");
        int checked = 0;
        int nonZero = 0;
        double worst = 0;
        for (double alpha : new double[] {1, 0.5}) {
            for (double lambda : new double[] {0.05, 0.02}) {
                ElasticNetLogistic.Model m = ElasticNetLogistic.fit(d.x(), d.y(), alpha, lambda);
                for (Map<String, String> row : expected) {
                    if (Double.parseDouble(row.get("alpha")) != alpha || Math.abs(Double.parseDouble(row.get("lambda")) - lambda) > 1e-15) {
                        continue;
                    }
                    double want = Double.parseDouble(row.get("coefficient"));
                    double got = row.get("term").equals("(Intercept)") ? m.intercept()
                            : m.coefficients()[d.features().indexOf(row.get("term"))];
                    assertThat(got).as("α " + alpha + " λ " + lambda + " " + row.get("term")).isCloseTo(want, offset(1e-4));
                    assertThat(got == 0).as("zero pattern of " + row.get("term")).isEqualTo(want == 0);
                    worst = Math.max(worst, Math.abs(got - want));
                    nonZero += want != 0 ? 1 : 0;
                    checked++;
                }
            }
        }
        System.out.printf("glmnet agreement: %d coefficients, largest difference %.2e%n", checked, worst);
        assertThat(checked).isEqualTo(4 * 41);
        assertThat(nonZero).isGreaterThan(20); // the penalties leave a real model, not only intercepts
    }

    @Test
    void aurocAndDeLongIntervalEqualPRoc() {
        Design d = design();
        List<Map<String, String>> bmiRows = SharedData.rows("karlsson-t2d-bmi.tsv");
        double[] bmi = bmiRows.stream().mapToDouble(r -> Double.parseDouble(r.get("BMI"))).toArray();
        int[] y = bmiRows.stream().mapToInt(r -> Integer.parseInt(r.get("y"))).toArray();
        int bacteroides = -1;
        for (int j = 0; j < d.features().size() && bacteroides < 0; j++) {
            if (d.features().get(j).endsWith("g__Bacteroides")) {
                bacteroides = j;
            }
        }
        final int column = bacteroides;
        double[] clr = java.util.Arrays.stream(d.x()).mapToDouble(row -> row[column]).toArray();
        for (Map<String, String> row : SharedData.rows("karlsson-t2d-roc.tsv")) {
            Roc roc = row.get("predictor").equals("BMI") ? Roc.of(bmi, y, 0.95) : Roc.of(clr, d.y(), 0.95);
            assertThat(roc.auc()).as(row.get("predictor")).isCloseTo(Double.parseDouble(row.get("auc")), offset(1e-9));
            assertThat(roc.variance()).isCloseTo(Double.parseDouble(row.get("variance")), offset(1e-9));
            assertThat(roc.lower()).isCloseTo(Double.parseDouble(row.get("ci_lower")), offset(1e-9));
            assertThat(roc.upper()).isCloseTo(Double.parseDouble(row.get("ci_upper")), offset(1e-9));
        }
    }

    @Test
    void averagePrecisionAndCurveOnAHandExample() {
        // scores 0.9(1) 0.8(0) 0.7(1) 0.6(0): AP = 0.5·1 + 0.5·(2/3) = 5/6; AUROC = 3/4
        double[] s = {0.9, 0.8, 0.7, 0.6};
        int[] y = {1, 0, 1, 0};
        assertThat(Roc.averagePrecision(s, y)).isCloseTo(5.0 / 6, offset(1e-15));
        assertThat(Roc.of(s, y, 0.95).auc()).isCloseTo(0.75, offset(1e-15));
        double[][] c = Roc.curve(s, y);
        assertThat(c[0]).containsExactly(0, 0, 0.5, 0.5, 1);
        assertThat(c[1]).containsExactly(0, 0.5, 0.5, 1, 1);
    }
}
