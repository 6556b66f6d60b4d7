package org.osteobiome.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MeasurementTableTest {
    private static final String HEADER = "observable\tcondition\ttime_days\tmeasurement\tnoise_sd\tsource\tuse\n";

    @Test
    void readsRowsConditionsAndMissingNoise() throws Exception {
        MeasurementTable t = MeasurementTable.read("t.tsv", new StringReader("# comment\n" + HEADER
                + "bmd_pct\tvariant=natural;band=none\t365\t89.6\tNA\tPansini\tfit\n"));
        Measurement m = t.measurements().get(0);
        assertThat(m.condition()).containsEntry("variant", "natural").containsEntry("band", "none");
        assertThat(m.time()).isEqualTo(365.0);
        assertThat(m.noiseSd()).isNaN();
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        assertThatThrownBy(() -> MeasurementTable.read("t.tsv", new StringReader("a\tb\n")))
                .hasMessageContaining("t.tsv, line 1: header must be");
        assertThatThrownBy(() -> MeasurementTable.read("t.tsv", new StringReader(HEADER + "x\t\t1\tfoo\t1\ts\tu\n")))
                .hasMessageContaining("t.tsv, line 2, column measurement: 'foo' is not a finite number");
        assertThatThrownBy(() -> MeasurementTable.read("t.tsv", new StringReader(HEADER + "x\tcase\t1\t2\t1\ts\tu\n")))
                .hasMessageContaining("line 2, column condition: 'case' is not parameter=value");
        assertThatThrownBy(() -> MeasurementTable.read("t.tsv", new StringReader(HEADER + "x\t\t1\t2\n")))
                .hasMessageContaining("line 2: expected 7 tab-separated cells, found 4");
        assertThatThrownBy(() -> MeasurementTable.read("t.tsv", new StringReader(HEADER + "x\t\t1\t2\t-0.5\ts\tu\n")))
                .hasMessageContaining("t.tsv, line 2, column noise_sd: -0.5 is not a standard deviation");
    }

    @Test
    void shippedTablesParse() {
        assertThat(MeasurementTable.resource("cook2022-bennett.tsv").measurements()).hasSize(6);
        assertThat(MeasurementTable.resource("nelson2026-bmd.tsv").measurements()).hasSize(44);
        assertThat(MeasurementTable.resource("islam2021-targets.tsv").measurements()).hasSize(8);
    }
}
