package org.osteobiome.app.cli.microbiome;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.DecimalText;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.io.DistanceMatrixFiles;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome ordinate DM.tsv}: principal coordinates analysis of a distance matrix. */
@Command(name = "ordinate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Principal coordinates analysis (PCoA) of a distance matrix. Writes sample coordinates (sample_id, PC1, …) "
                + "to --out (default: <DM>.pcoa.tsv beside the matrix) and every eigenvalue, negative ones included, with the"
                + " proportion explained to <out>.eigenvalues.tsv. Every input and option is checked before anything is written."},
        footer = {"", "Example:", "  osteobiome ordinate bray.tsv --metadata meta.tsv --color-by group --plot pcoa.png"})
public final class OrdinateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DM", description = "distance matrix: lsmat TSV (as scikit-bio and QIIME 2 export it), HDF5 (as ssu or 'diversity beta --out DM.h5' write it) or a QIIME 2 DistanceMatrix .qza")
    Path distances;

    @Option(names = "--out", paramLabel = "PCOA.tsv",
            description = "coordinates to write (default: <DM>.pcoa.tsv beside the matrix); eigenvalues go to <out>.eigenvalues.tsv")
    Path out;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "auto|exact|randomized",
            description = "exact eigen-decomposition, or a seeded randomized method for the leading axes (auto: exact up to "
                    + Pcoa.EXACT_LIMIT + " samples)")
    String method;

    @Option(names = "--axes", defaultValue = "10", description = "axes for the randomized method (default 10)")
    int axes;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the randomized method")
    long seed;

    @Option(names = "--metadata", paramLabel = "M", description = "sample metadata (to colour the plot)")
    Path metadata;

    @Option(names = "--color-by", paramLabel = "COL", description = "metadata column whose groups get colours")
    String colorBy;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "draw PC1 against PC2")
    Path plot;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; the result does not depend on it)")
    Integer threads;

    @Option(names = "--no-progress", description = "no progress bar on standard error (it appears only when the ordination runs past 2 s)")
    boolean noProgress;

    @Override
    public Integer call() {
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        if (colorBy != null && metadata == null) {
            throw OsteobiomeException.invalid("--color-by needs --metadata");
        }
        if (!List.of("auto", "exact", "randomized").contains(method)) {
            throw OsteobiomeException.invalid("--method must be auto, exact or randomized, got '" + method + "'");
        }
        if (axes < 1) {
            throw OsteobiomeException.invalid("--axes must be at least 1, got " + axes);
        }
        int workers = ModelRuns.threads(threads);
        DistanceMatrix dm = DistanceMatrixFiles.read(distances);
        // Metadata and its column are checked (and the sample ids matched) before any output is written.
        SampleMetadata m = metadata == null ? null : Inputs.metadata(metadata, spec.commandLine().getErr());
        String[] labels = m == null || colorBy == null ? null : m.values(colorBy, dm.ids());
        if (m != null && plot == null) {
            spec.commandLine().getErr().println("osteobiome: note: --metadata only colours the plot; add --plot FILE.png to draw it");
        }
        Path out = this.out != null ? this.out : distances.resolveSibling(stem(distances) + ".pcoa.tsv");
        boolean exact = method.equals("exact") || (method.equals("auto") && dm.size() <= Pcoa.EXACT_LIMIT);
        Ordination o;
        try (CliProgress bar = CliProgress.startWhenSlow("ordinate", !noProgress)) {
            o = exact ? Pcoa.exact(dm, workers, bar.reporter())
                    : Pcoa.randomized(dm, Math.min(axes, dm.size() - 1), seed, bar.reporter());
        }
        if (plot != null && o.axes() < 2) {
            throw OsteobiomeException.invalid("the ordination has fewer than 2 positive axes; nothing to plot (leave out --plot)");
        }
        Path eigenFile = write(o, out);
        PrintWriter report = spec.commandLine().getOut();
        report.println("method\t" + o.method());
        report.println("samples\t" + o.ids().size());
        for (int a = 0; a < Math.min(3, o.axes()); a++) {
            report.println("PC" + (a + 1) + "_proportion_explained\t" + Numbers.format(o.proportionExplained()[a]));
        }
        long negatives = java.util.Arrays.stream(o.eigenvalues()).filter(e -> e < 0).count();
        report.println("negative_eigenvalues\t" + negatives + (negatives > 0 ? " (sum " + Numbers.format(o.negativeEigenvalueSum())
                + "; the distances are not Euclidean, coordinates use the positive axes)" : ""));
        report.flush();
        if (this.out == null) {
            spec.commandLine().getErr().println("osteobiome: wrote " + out + " and " + eigenFile);
        }
        if (plot != null) {
            FigureWriter.write(scatter(o, labels), plot);
        }
        return 0;
    }

    /** Writes the coordinates to {@code out} and the eigenvalues beside it; returns the eigenvalue file. */
    static Path write(Ordination o, Path out) {
        writeCoordinates(o, out);
        List<List<String>> eigen = new ArrayList<>();
        for (int a = 0; a < o.eigenvalues().length; a++) {
            eigen.add(List.of("PC" + (a + 1), Numbers.format(o.eigenvalues()[a]), Numbers.format(o.proportionExplained()[a])));
        }
        Path eigenFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.tsv$", "") + ".eigenvalues.tsv");
        Inputs.writeTsv(eigenFile, List.of("axis", "eigenvalue", "proportion_explained"), eigen);
        return eigenFile;
    }

    /**
     * Streams the coordinates with the fast 15-digit text of distance matrices (thousands of samples × axes would be
     * hundreds of MB as one string, and millions of numbers).
     */
    private static void writeCoordinates(Ordination o, Path out) {
        AtomicFiles.write(out, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            w.write("sample_id");
            for (int a = 0; a < o.axes(); a++) {
                w.write("\tPC" + (a + 1));
            }
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < o.ids().size(); i++) {
                line.setLength(0);
                line.append(o.ids().get(i));
                for (int a = 0; a < o.axes(); a++) {
                    DecimalText.append(line.append('\t'), o.coordinates()[i][a]);
                }
                w.append(line).write('\n');
            }
            w.flush();
        });
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Figure scatter(Ordination o, String[] labels) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < o.ids().size(); i++) {
            String g = labels == null ? "samples" : labels[i] == null ? "missing" : colorBy + " = " + labels[i];
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        List<Figure.Points> points = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            double[] x = g.getValue().stream().mapToDouble(i -> o.coordinates()[i][0]).toArray();
            double[] y = g.getValue().stream().mapToDouble(i -> o.coordinates()[i][1]).toArray();
            points.add(new Figure.Points(g.getKey(), x, y, null));
        }
        String pc2 = "PC2 (" + percent(o.proportionExplained()[1]) + ")";
        return new Figure("PCoA of " + distances.getFileName(), "PC1 (" + percent(o.proportionExplained()[0]) + ")",
                List.of(new Figure.Panel(pc2, List.of(), points)),
                "Each point is one sample placed by principal coordinates analysis of the distance matrix; the axes' shares are"
                        + " of the positive eigenvalues' sum" + (labels == null ? "." : "; colours and shapes are the groups of "
                        + colorBy + (groups.containsKey("missing") ? " (missing: no value in the metadata)." : ".")));
    }

    private static String percent(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * p);
    }
}
