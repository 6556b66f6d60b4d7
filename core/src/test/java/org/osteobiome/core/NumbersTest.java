package org.osteobiome.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void plainNumbersKeepTwelveSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.format(100.0)).isEqualTo("100");
        assertThat(Numbers.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Numbers.format(-2.5)).isEqualTo("-2.5");
        assertThat(Numbers.format(1.0 / 3.0)).isEqualTo("0.333333333333");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
    }

    @Test
    void tinyAndHugeNumbersUseScientificNotation() {
        assertThat(Numbers.format(2.083340149701255e-8)).isEqualTo("2.0833401497e-08");
        assertThat(Numbers.format(1e13)).isEqualTo("1e+13");
        assertThat(Numbers.format(-8.333360770334713e-14)).isEqualTo("-8.33336077033e-14");
        assertThat(Numbers.format(9.9e-5)).isEqualTo("9.9e-05");
        assertThat(Numbers.format(1.0000000000004e-5)).isEqualTo("1e-05");
    }

    @Test
    void formattedValuesParseBackWithinTwelveDigits() {
        double[] values = {Math.PI, 1e-7 * Math.E, 123456.789012345, 6.02214076e23};
        for (double v : values) {
            double back = Double.parseDouble(Numbers.format(v));
            assertThat(Math.abs(back - v) / Math.abs(v)).isLessThan(1e-11);
        }
    }

    @Test
    void nonFiniteValuesAreNamed() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }
}
