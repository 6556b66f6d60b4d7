package org.osteobiome.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    private static String text(double v) {
        return DecimalText.append(new StringBuilder(), v).toString();
    }

    @Test
    void readableForms() {
        assertThat(text(0)).isEqualTo("0");
        assertThat(text(1)).isEqualTo("1");
        assertThat(text(0.5)).isEqualTo("0.5");
        assertThat(text(-2.25)).isEqualTo("-2.25");
        assertThat(text(0.6974604391106309)).isEqualTo("0.697460439110631");
        assertThat(text(123456789)).isEqualTo("123456789");
        assertThat(text(0.00001234)).isEqualTo("0.00001234");
        assertThat(text(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(text(2.5e20)).isEqualTo("2.5e+20");
        assertThat(text(0.9999999999999999)).isEqualTo("1");
    }

    @Test
    void parsesBackWithinFifteenDigits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double v = Math.exp(random.nextDouble(-60, 60)) * (random.nextBoolean() ? 1 : -1);
            double back = Double.parseDouble(text(v));
            assertThat(Math.abs(back - v)).as("%s → %s", v, text(v)).isLessThanOrEqualTo(5.2e-15 * Math.abs(v)); // half a unit in the 15th digit (5e-15) plus rounding
        }
    }
}
