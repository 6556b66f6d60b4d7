package org.osteobiome.model.vpop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;

/**
 * Between-subject variability of parameters, read from a TSV with the header {@code parameter distribution a b}:
 * {@code lognormal} (a = median or {@code nominal} for the model's value, b = SD of the natural log), {@code normal}
 * (a = mean or {@code nominal}, b = SD; draws outside the parameter's range are redrawn) or {@code uniform}
 * (a = low, b = high).
 */
public record Variability(List<Variation> variations) implements java.io.Serializable {

    /** Variability files shipped with osteobiome (resources next to this class). */
    public static final List<String> SHIPPED = List.of("human-variability.tsv", "mouse-variability.tsv");

    public Variability {
        variations = List.copyOf(variations);
    }

    /** One varied parameter. {@code a} is NaN when it is the nominal value. */
    public record Variation(String parameter, String distribution, double a, double b) implements java.io.Serializable {
    }

    public static Variability read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    /** A shipped variability file by name. */
    public static Variability resource(String name) {
        java.io.InputStream in = Variability.class.getResourceAsStream(name);
        if (in == null) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "missing resource " + name);
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(name, r);
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }

    static Variability read(String source, Reader input) throws IOException {
        BufferedReader in = new BufferedReader(input);
        List<Variation> out = new ArrayList<>();
        String line;
        int number = 0;
        boolean header = false;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!header) {
                if (cells.length < 4 || !cells[0].strip().equals("parameter") || !cells[1].strip().equals("distribution")) {
                    throw OsteobiomeException.invalid(source + ", line " + number + ": the header must be 'parameter distribution a b'");
                }
                header = true;
                continue;
            }
            if (cells.length < 4) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": expected 4 tab-separated cells");
            }
            String distribution = cells[1].strip().toLowerCase(Locale.ROOT);
            if (!List.of("lognormal", "normal", "uniform").contains(distribution)) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": distribution must be lognormal, normal or uniform, got '"
                        + cells[1] + "'");
            }
            double a = cells[2].strip().equalsIgnoreCase("nominal") ? Double.NaN : number(source, number, "a", cells[2]);
            double b = number(source, number, "b", cells[3]);
            if (distribution.equals("uniform") && (Double.isNaN(a) || !(b > a))) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": a uniform range needs numbers a < b");
            }
            if (!distribution.equals("uniform") && !(b >= 0)) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": the spread b must be ≥ 0");
            }
            if (distribution.equals("lognormal") && !Double.isNaN(a) && !(a > 0)) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": a log-normal median must be positive");
            }
            String parameter = cells[0].strip();
            if (parameter.isEmpty()) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": no parameter name in the first cell");
            }
            if (out.stream().anyMatch(v -> v.parameter().equals(parameter))) {
                throw OsteobiomeException.invalid(source + ", line " + number + ": " + parameter + " is varied twice; keep one line");
            }
            out.add(new Variation(parameter, distribution, a, b));
        }
        if (out.isEmpty()) {
            throw OsteobiomeException.invalid(source + ": no parameters to vary");
        }
        return new Variability(out);
    }

    private static double number(String source, int line, String column, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid(source + ", line " + line + ", column " + column + ": '" + text + "' is not a number");
        }
    }

    /** Checks the parameters against a model's and returns the nominal values. */
    double[] nominal(ParameterSet base) {
        double[] values = new double[variations.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = base.real(variations.get(i).parameter());
        }
        return values;
    }

    /** One subject's parameters, drawn with the subject's own generator. */
    ParameterSet draw(ParameterSet base, double[] nominal, SplittableRandom random) {
        ParameterSet p = base;
        for (int i = 0; i < variations.size(); i++) {
            Variation v = variations.get(i);
            double centre = Double.isNaN(v.a()) ? nominal[i] : v.a();
            double value;
            int attempts = 0;
            while (true) {
                value = switch (v.distribution()) {
                    case "lognormal" -> centre * Math.exp(v.b() * gaussian(random));
                    case "normal" -> centre + v.b() * gaussian(random);
                    default -> v.a() + (v.b() - v.a()) * random.nextDouble();
                };
                try {
                    p = p.with(v.parameter(), value);
                    break;
                } catch (OsteobiomeException e) {
                    if (++attempts > 1000) {
                        throw OsteobiomeException.invalid("the distribution of " + v.parameter() + " puts almost no mass inside its "
                                + "allowed range; narrow it");
                    }
                }
            }
        }
        return p;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
