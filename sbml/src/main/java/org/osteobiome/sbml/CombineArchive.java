package org.osteobiome.sbml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/**
 * A COMBINE/OMEX archive holding one SBML model and the SED-ML experiment that runs it (COMBINE archive specification
 * 1.0: a zip with {@code manifest.xml}). Reading refuses entries with absolute or parent paths and stops at a size
 * limit, so a hostile archive can neither write outside its folder (nothing is written) nor exhaust memory.
 */
public final class CombineArchive {
    public static final String MODEL = "model.xml";
    public static final String SIMULATION = "simulation.sedml";
    /** The most an archive may unpack to. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** The model and its experiment, read from an archive. */
    public record Contents(String sbml, SedmlTimeCourse experiment) {
    }

    private CombineArchive() {
    }

    /** Writes the archive atomically: the SBML as model.xml and the time course (whose source is set to it) as simulation.sedml. */
    public static void write(Path target, String sbml, SedmlTimeCourse experiment) {
        SedmlTimeCourse inArchive = new SedmlTimeCourse(MODEL, experiment.end(), experiment.intervals(), experiment.kisao(),
                experiment.variables());
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("manifest.xml", manifest());
        entries.put(MODEL, sbml);
        entries.put(SIMULATION, inArchive.write());
        AtomicFiles.write(target, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static String manifest() {
        String spec = "http://identifiers.org/combine.specifications/";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<omexManifest xmlns=\"" + spec + "omex-manifest\">\n"
                + "  <content location=\".\" format=\"" + spec + "omex\"/>\n"
                + "  <content location=\"./manifest.xml\" format=\"" + spec + "omex-manifest\"/>\n"
                + "  <content location=\"./" + MODEL + "\" format=\"" + spec + "sbml.level-3.version-2\"/>\n"
                + "  <content location=\"./" + SIMULATION + "\" format=\"" + spec + "sed-ml.level-1.version-3\" master=\"true\"/>\n"
                + "</omexManifest>\n";
    }

    /** Reads the first SED-ML time course of an archive and the SBML file it names. */
    public static Contents read(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw OsteobiomeException.invalid(file + ": archive entry '" + name + "' has an absolute or parent path; refused");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw OsteobiomeException.invalid(file + ": the archive unpacks to more than " + MAX_BYTES / (1024 * 1024)
                                + " MB; refused");
                    }
                    bytes.write(buffer, 0, n);
                }
                entries.put(name.startsWith("./") ? name.substring(2) : name, bytes.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.INVALID_INPUT, file + " is not a readable COMBINE archive (zip): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // how ZipInputStream reports an entry name that is not UTF-8
            throw new OsteobiomeException(ErrorCode.INVALID_INPUT, file + " is not a readable COMBINE archive: an entry name is not "
                    + "UTF-8 (a damaged archive?); export it again", e);
        }
        String sedmlName = entries.keySet().stream().filter(n -> n.endsWith(".sedml")).findFirst().orElseThrow(() ->
                OsteobiomeException.invalid(file + ": the archive holds no .sedml experiment"));
        SedmlTimeCourse experiment = SedmlTimeCourse.read(file + "!/" + sedmlName, entries.get(sedmlName));
        String source = experiment.modelSource().startsWith("./") ? experiment.modelSource().substring(2) : experiment.modelSource();
        String sbml = entries.get(source);
        if (sbml == null) {
            throw OsteobiomeException.invalid(file + ": " + sedmlName + " runs '" + experiment.modelSource() + "', which the archive does not hold");
        }
        return new Contents(sbml, experiment);
    }
}
