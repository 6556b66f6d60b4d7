package org.osteobiome.sbml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osteobiome.core.OsteobiomeException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The experiment of an exported scenario as a SED-ML Level 1 Version 3 uniform time course: which model file, from
 * when to when, how many intervals, which algorithm (a KiSAO term) and which variables to report. Another tool (or
 * {@code osteobiome sbml simulate}) reproduces the run from it without being told the horizon.
 *
 * @param modelSource the SBML file the simulation runs, relative to the SED-ML file (or the archive)
 * @param end         output end time (output starts at 0, as does the model)
 * @param intervals   SED-ML's numberOfPoints: the number of intervals, so intervals + 1 output times
 * @param kisao       algorithm, e.g. KISAO:0000033 (Rosenbrock method) or KISAO:0000087 (Dormand–Prince)
 * @param variables   ids of the SBML parameters or species to report
 */
public record SedmlTimeCourse(String modelSource, double end, int intervals, String kisao, List<String> variables) {
    public static final String ROSENBROCK = "KISAO:0000033";
    public static final String DORMAND_PRINCE = "KISAO:0000087";
    /** The most output intervals a time course may ask for (each output time is a row of results). */
    public static final int MAX_INTERVALS = 1_000_000;
    private static final String NS = "http://sed-ml.org/sed-ml/level1/version3";

    public SedmlTimeCourse {
        if (!(end > 0) || !Double.isFinite(end) || intervals < 1) {
            throw OsteobiomeException.invalid("a SED-ML time course needs an end time > 0 and at least one interval");
        }
        variables = List.copyOf(variables);
    }

    /** The output times 0, end/intervals, …, end. */
    public double[] times() {
        double[] t = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            t[i] = i == intervals ? end : end * i / intervals;
        }
        return t;
    }

    /** The SED-ML document. */
    public String write() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<sedML xmlns=\"").append(NS).append("\" xmlns:sbml=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"1\" version=\"3\">\n");
        x.append("  <listOfSimulations>\n");
        x.append("    <uniformTimeCourse id=\"time_course\" initialTime=\"0\" outputStartTime=\"0\" outputEndTime=\"").append(end)
                .append("\" numberOfPoints=\"").append(intervals).append("\">\n");
        x.append("      <algorithm kisaoID=\"").append(escape(kisao)).append("\"/>\n");
        x.append("    </uniformTimeCourse>\n  </listOfSimulations>\n");
        x.append("  <listOfModels>\n    <model id=\"model\" language=\"urn:sedml:language:sbml.level-3.version-2\" source=\"")
                .append(escape(modelSource)).append("\"/>\n  </listOfModels>\n");
        x.append("  <listOfTasks>\n    <task id=\"task\" modelReference=\"model\" simulationReference=\"time_course\"/>\n  </listOfTasks>\n");
        x.append("  <listOfDataGenerators>\n");
        dataGenerator(x, "time", "symbol=\"urn:sedml:symbol:time\"");
        for (String v : variables) {
            dataGenerator(x, v, "target=\"/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='" + escape(v) + "']\"");
        }
        x.append("  </listOfDataGenerators>\n  <listOfOutputs>\n    <report id=\"report\">\n      <listOfDataSets>\n");
        x.append("        <dataSet id=\"ds_time\" label=\"time\" dataReference=\"dg_time\"/>\n");
        for (String v : variables) {
            x.append("        <dataSet id=\"ds_").append(escape(v)).append("\" label=\"").append(escape(v)).append("\" dataReference=\"dg_")
                    .append(escape(v)).append("\"/>\n");
        }
        x.append("      </listOfDataSets>\n    </report>\n  </listOfOutputs>\n</sedML>\n");
        return x.toString();
    }

    private static void dataGenerator(StringBuilder x, String id, String reference) {
        x.append("    <dataGenerator id=\"dg_").append(escape(id)).append("\" name=\"").append(escape(id)).append("\">\n");
        x.append("      <listOfVariables><variable id=\"v_").append(escape(id)).append("\" taskReference=\"task\" ").append(reference)
                .append("/></listOfVariables>\n");
        x.append("      <math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci>v_").append(escape(id)).append("</ci></math>\n");
        x.append("    </dataGenerator>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /**
     * Reads the first uniform time course of a SED-ML document, with DTDs and external entities refused.
     *
     * @param source the file's name, for messages
     */
    public static SedmlTimeCourse read(String source, String text) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw OsteobiomeException.invalid(source + " is not readable SED-ML (" + firstLine(e.getMessage()) + ")");
        }
        Element course = first(doc, "uniformTimeCourse", source);
        Element model = first(doc, "model", source);
        Element algorithm = first(course, "algorithm", source);
        double end;
        int intervals;
        try {
            double start = Double.parseDouble(course.getAttribute("outputStartTime"));
            double initial = Double.parseDouble(course.getAttribute("initialTime"));
            if (start != 0 || initial != 0) {
                throw OsteobiomeException.invalid(source + ": only time courses that start at 0 are supported (initialTime "
                        + initial + ", outputStartTime " + start + ")");
            }
            end = Double.parseDouble(course.getAttribute("outputEndTime"));
            intervals = Integer.parseInt(course.getAttribute("numberOfPoints"));
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid(source + ": uniformTimeCourse needs numeric initialTime, outputStartTime, outputEndTime"
                    + " and an integer numberOfPoints");
        }
        if (!(end > 0) || !Double.isFinite(end) || intervals < 1 || intervals > MAX_INTERVALS) {
            throw OsteobiomeException.invalid(source + ": uniformTimeCourse needs an outputEndTime > 0 and a numberOfPoints from 1 to "
                    + MAX_INTERVALS + ", got " + course.getAttribute("outputEndTime") + " and " + intervals);
        }
        List<String> variables = new ArrayList<>();
        NodeList vars = doc.getElementsByTagNameNS("*", "variable");
        for (int i = 0; i < vars.getLength(); i++) {
            String target = ((Element) vars.item(i)).getAttribute("target");
            int at = target.indexOf("@id='");
            if (at >= 0 && target.indexOf('\'', at + 5) > at + 5) {
                variables.add(target.substring(at + 5, target.indexOf('\'', at + 5)));
            }
        }
        return new SedmlTimeCourse(model.getAttribute("source"), end, intervals, algorithm.getAttribute("kisaoID"), variables);
    }

    private static Element first(Document doc, String name, String source) {
        NodeList list = doc.getElementsByTagNameNS("*", name);
        if (list.getLength() == 0) {
            throw OsteobiomeException.invalid(source + ": no <" + name + "> element; osteobiome reads SED-ML uniform time courses");
        }
        return (Element) list.item(0);
    }

    private static Element first(Element parent, String name, String source) {
        NodeList list = parent.getElementsByTagNameNS("*", name);
        if (list.getLength() == 0) {
            throw OsteobiomeException.invalid(source + ": <" + parent.getLocalName() + "> has no <" + name + ">");
        }
        return (Element) list.item(0);
    }

    private static String firstLine(String s) {
        return s == null ? "malformed XML" : s.lines().findFirst().orElse("malformed XML");
    }
}
