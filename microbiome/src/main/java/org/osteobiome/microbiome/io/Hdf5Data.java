package org.osteobiome.microbiome.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.OsteobiomeException;

/** Datasets of an HDF5 file read with their sizes checked first, and their values as the types osteobiome uses. */
final class Hdf5Data {
    /** The first bytes of every HDF5 file. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Data() {
    }

    static boolean hasSignature(byte[] head) {
        return head.length >= SIGNATURE.length && java.util.Arrays.equals(head, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * Opens a file and reads it with {@code body}; the HDF5 library reports damage with assorted exception types,
     * not only HdfException, so any of them becomes one message naming the file.
     */
    static <T> T read(String name, java.util.function.Supplier<HdfFile> open, java.util.function.Function<HdfFile, T> body) {
        try (HdfFile hdf = open.get()) {
            return body.apply(hdf);
        } catch (OsteobiomeException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw OsteobiomeException.invalid(name + ": not a readable HDF5 file (" + why + "); it may be truncated or damaged");
        }
    }

    /**
     * The dataset at {@code path}; its dimensions come from the file, so absurd ones are refused before the library
     * allocates for them.
     *
     * @param needs what the format requires, for the message when the path is missing
     */
    static Dataset dataset(String name, HdfFile hdf, String path, String needs) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (HdfException e) {
            throw OsteobiomeException.invalid(name + ": missing '" + path + "'; " + needs);
        }
        if (!(node instanceof Dataset d)) {
            throw OsteobiomeException.invalid(name + ": '" + path + "' is not a dataset");
        }
        double values = 1;
        for (int dim : d.getDimensions()) {
            values *= dim;
        }
        if (values < 0) {
            throw OsteobiomeException.invalid(name + ": '" + path + "' declares negative dimensions; the file is damaged");
        }
        MemoryBudget.require(values * Math.max(8, d.getDataType().getSize()) * 2,
                name + ": '" + path + "' with " + String.format(Locale.ROOT, "%.0f", values) + " values",
                "the file is damaged or too large for one machine (split it by samples)");
        return d;
    }

    static List<String> strings(String name, Dataset d, String path) {
        if (d.getData() instanceof String[] s) {
            return Arrays.asList(s);
        }
        throw OsteobiomeException.invalid(name + ": '" + path + "' must hold strings");
    }

    static long[] longs(String name, Dataset d, String path) {
        Object data = d.getData();
        if (data instanceof int[] a) {
            return Arrays.stream(a).asLongStream().toArray();
        }
        if (data instanceof long[] a) {
            return a;
        }
        throw OsteobiomeException.invalid(name + ": '" + path + "' must hold integers");
    }

    static double[] doubles(String name, Dataset d, String path) {
        Object data = d.getData();
        if (data instanceof double[] a) {
            return a;
        }
        if (data instanceof float[] a) {
            return widened(a);
        }
        if (data instanceof int[] a) {
            return Arrays.stream(a).asDoubleStream().toArray();
        }
        if (data instanceof long[] a) {
            return Arrays.stream(a).asDoubleStream().toArray();
        }
        throw OsteobiomeException.invalid(name + ": '" + path + "' must hold numbers");
    }

    /** A two-dimensional floating-point dataset, row by row (single precision widened). */
    static double[][] matrix(String name, Dataset d, String path) {
        Object data = d.getData();
        if (data instanceof double[][] a) {
            return a;
        }
        if (data instanceof float[][] a) {
            double[][] out = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                out[i] = widened(a[i]);
            }
            return out;
        }
        throw OsteobiomeException.invalid(name + ": '" + path + "' must be a two-dimensional array of floating-point numbers");
    }

    private static double[] widened(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
