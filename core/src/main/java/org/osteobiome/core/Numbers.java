package org.osteobiome.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for tables that people read and programs parse. */
public final class Numbers {
    private static final MathContext TWELVE_DIGITS = new MathContext(12);

    private Numbers() {
    }

    /**
     * Formats a value with at most 12 significant digits and no trailing zeros: plain notation
     * for magnitudes in [1e-4, 1e12), scientific ({@code 1.5e-07}) otherwise. Non-finite values
     * are written as {@code NaN}, {@code Inf}, {@code -Inf}.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e12) {
            return new BigDecimal(value).round(TWELVE_DIGITS).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.11e", value); // e.g. 1.20000000000e-05
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(e);
    }
}
