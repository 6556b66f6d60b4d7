package org.osteobiome.core;

/**
 * Fast decimal text for large numeric outputs (distance matrices of millions of values): 15 significant digits,
 * trailing zeros removed, plain notation for magnitudes in [1e-5, 1e15) and scientific otherwise. A value parsed
 * back differs from the original by at most half a unit in the 15th digit (5e-15 relative). Several times faster than
 * {@link Double#toString(double)} on Java 17.
 */
public final class DecimalText {
    private static final double[] POWERS = new double[23];
    private static final long LOW = 100_000_000_000_000L;   // 1e14: smallest 15-digit mantissa
    private static final long HIGH = 1_000_000_000_000_000L; // 1e15

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p; // exact: every power of ten up to 1e22 is a double
            p *= 10;
        }
    }

    private DecimalText() {
    }

    /** Appends the text of {@code value} to {@code out}. */
    public static StringBuilder append(StringBuilder out, double value) {
        if (value == 0) {
            return out.append('0');
        }
        if (!Double.isFinite(value)) {
            return out.append(Numbers.format(value));
        }
        double abs = Math.abs(value);
        int exponent = (int) Math.floor(Math.log10(abs));
        if (exponent < -300 || exponent > 300) {
            return out.append(Double.toString(value));
        }
        long mantissa = scale(abs, exponent);
        if (mantissa >= HIGH) {
            exponent++;
            mantissa = scale(abs, exponent);
        } else if (mantissa < LOW) {
            exponent--;
            mantissa = scale(abs, exponent);
        }
        if (mantissa >= HIGH) { // rounding carried into a 16th digit: 999…9.5 → 1000…0
            mantissa /= 10;
            exponent++;
        }
        if (value < 0) {
            out.append('-');
        }
        String digits = Long.toString(mantissa);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (exponent >= -5 && exponent < 15) {
            if (exponent < 0) {
                out.append("0.");
                for (int i = -1; i > exponent; i--) {
                    out.append('0');
                }
                out.append(digits, 0, end);
            } else {
                int integerDigits = exponent + 1;
                if (end <= integerDigits) {
                    out.append(digits, 0, integerDigits);
                } else {
                    out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, end);
                }
            }
        } else {
            out.append(digits.charAt(0));
            if (end > 1) {
                out.append('.').append(digits, 1, end);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
        }
        return out;
    }

    /** round(abs · 10^(14 − exponent)), with one rounding where the power of ten is exact. */
    private static long scale(double abs, int exponent) {
        int shift = 14 - exponent;
        double scaled;
        if (shift >= 0 && shift < POWERS.length) {
            scaled = abs * POWERS[shift];
        } else if (shift < 0 && -shift < POWERS.length) {
            scaled = abs / POWERS[-shift];
        } else {
            scaled = abs * Math.pow(10, shift);
        }
        return Math.round(scaled);
    }
}
