package org.osteobiome.microbiome.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;
import org.osteobiome.microbiome.table.Lineage;

/**
 * BIOM 2.1 HDF5: {@code observation/ids} (features), {@code sample/ids}, the matrix as compressed sparse columns
 * in {@code sample/matrix/{data,indices,indptr}} (and as rows in {@code observation/matrix}), taxonomy as the 2-D
 * string dataset {@code observation/metadata/taxonomy}. Read and written with jhdf.
 */
final class BiomHdf5 {
    private BiomHdf5() {
    }

    static FeatureTable read(String name, HdfFile hdf) {
        try {
            List<String> features = strings(name, hdf, "observation/ids");
            List<String> samples = strings(name, hdf, "sample/ids");
            FeatureTableBuilder builder = FeatureTable.builder(name, samples, features);
            boolean bySample = has(hdf, "sample/matrix/indptr");
            String group = bySample ? "sample/matrix" : "observation/matrix";
            long[] indptr = longs(name, hdf, group + "/indptr");
            long[] indices = longs(name, hdf, group + "/indices");
            double[] data = doubles(name, hdf, group + "/data");
            int outer = bySample ? samples.size() : features.size();
            int inner = bySample ? features.size() : samples.size();
            if (indptr.length != outer + 1 || indices.length != data.length || indptr[outer] != data.length) {
                throw OsteobiomeException.invalid(name + ": " + group + " is inconsistent (indptr has " + indptr.length
                        + " entries for " + outer + " " + (bySample ? "samples" : "features") + ", " + indices.length
                        + " indices, " + data.length + " values); the file may be truncated");
            }
            for (int o = 0; o < outer; o++) {
                for (long k = indptr[o]; k < indptr[o + 1]; k++) {
                    long i = indices[(int) k];
                    if (i < 0 || i >= inner) {
                        throw OsteobiomeException.invalid(name + ": " + group + "/indices entry " + k + " = " + i
                                + " is outside 0.." + (inner - 1));
                    }
                    int sample = bySample ? o : (int) i;
                    int feature = bySample ? (int) i : o;
                    builder.add(sample, feature, data[(int) k], group + "/data entry " + k);
                }
            }
            if (has(hdf, "observation/metadata/taxonomy")) {
                builder.taxonomy(taxonomy(name, hdf.getDatasetByPath("observation/metadata/taxonomy"), features.size()));
            }
            return builder.build();
        } catch (HdfException e) {
            throw OsteobiomeException.invalid(name + ": cannot read the BIOM 2.1 HDF5 structure (" + e.getMessage() + ")");
        }
    }

    private static boolean has(HdfFile hdf, String path) {
        try {
            hdf.getByPath(path);
            return true;
        } catch (HdfException e) {
            return false;
        }
    }

    private static Dataset dataset(String name, HdfFile hdf, String path) {
        return Hdf5Data.dataset(name, hdf, path, "a BIOM 2.1 file needs observation/ids, sample/ids and sample/matrix");
    }

    private static List<String> strings(String name, HdfFile hdf, String path) {
        return Hdf5Data.strings(name, dataset(name, hdf, path), path);
    }

    private static long[] longs(String name, HdfFile hdf, String path) {
        return Hdf5Data.longs(name, dataset(name, hdf, path), path);
    }

    private static double[] doubles(String name, HdfFile hdf, String path) {
        return Hdf5Data.doubles(name, dataset(name, hdf, path), path);
    }

    private static List<Lineage> taxonomy(String name, Dataset d, int features) {
        Object data = d.getData();
        List<Lineage> out = new ArrayList<>();
        if (data instanceof String[][] rows) {
            for (String[] ranks : rows) {
                out.add(Lineage.parse(String.join("; ", ranks)));
            }
        } else if (data instanceof String[] rows) {
            for (String row : rows) {
                out.add(Lineage.parse(row));
            }
        } else {
            throw OsteobiomeException.invalid(name + ": observation/metadata/taxonomy must hold strings");
        }
        if (out.size() != features) {
            throw OsteobiomeException.invalid(name + ": " + out.size() + " taxonomy rows for " + features + " features");
        }
        return out;
    }

    static void write(FeatureTable table, String generatedBy, Path file) {
        int nf = table.featureCount();
        int ns = table.sampleCount();
        // Sample-major arrays come straight from the table; feature-major ones by a counting transpose.
        int nnz = (int) table.nonZeroCount();
        int[] samplePointers = new int[ns + 1];
        int[] sampleIndices = new int[nnz];
        double[] sampleData = new double[nnz];
        int[] featurePointers = new int[nf + 1];
        for (int s = 0; s < ns; s++) {
            samplePointers[s + 1] = table.end(s);
            for (int k = table.start(s); k < table.end(s); k++) {
                sampleIndices[k] = table.featureAt(k);
                sampleData[k] = table.valueAt(k);
                featurePointers[table.featureAt(k) + 1]++;
            }
        }
        for (int f = 0; f < nf; f++) {
            featurePointers[f + 1] += featurePointers[f];
        }
        int[] next = Arrays.copyOf(featurePointers, nf);
        int[] featureIndices = new int[nnz];
        double[] featureData = new double[nnz];
        for (int s = 0; s < ns; s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                int at = next[table.featureAt(k)]++;
                featureIndices[at] = s;
                featureData[at] = table.valueAt(k);
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("id", "osteobiome table");
            hdf.putAttribute("type", "OTU table");
            hdf.putAttribute("format-url", "http://biom-format.org");
            hdf.putAttribute("format-version", new int[] {2, 1});
            hdf.putAttribute("generated-by", generatedBy);
            hdf.putAttribute("creation-date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
            hdf.putAttribute("shape", new int[] {nf, ns});
            hdf.putAttribute("nnz", nnz);
            WritableGroup observation = hdf.putGroup("observation");
            observation.putDataset("ids", table.featureIds().toArray(new String[0]));
            WritableGroup obsMatrix = observation.putGroup("matrix");
            obsMatrix.putDataset("data", featureData);
            obsMatrix.putDataset("indices", featureIndices);
            obsMatrix.putDataset("indptr", featurePointers);
            WritableGroup obsMetadata = observation.putGroup("metadata");
            if (table.taxonomy().isPresent()) {
                List<Lineage> lineages = table.taxonomy().get();
                int depth = lineages.stream().mapToInt(l -> l.names().size()).max().orElse(0);
                String[][] ranks = new String[nf][Math.max(depth, 1)];
                for (int f = 0; f < nf; f++) {
                    List<String> formatted = lineages.get(f).formatRanks();
                    for (int r = 0; r < ranks[f].length; r++) {
                        ranks[f][r] = r < formatted.size() ? formatted.get(r) : "";
                    }
                }
                obsMetadata.putDataset("taxonomy", ranks);
            }
            observation.putGroup("group-metadata");
            WritableGroup sample = hdf.putGroup("sample");
            sample.putDataset("ids", table.sampleIds().toArray(new String[0]));
            WritableGroup sampleMatrix = sample.putGroup("matrix");
            sampleMatrix.putDataset("data", sampleData);
            sampleMatrix.putDataset("indices", sampleIndices);
            sampleMatrix.putDataset("indptr", samplePointers);
            sample.putGroup("metadata");
            sample.putGroup("group-metadata");
        }
    }

}
