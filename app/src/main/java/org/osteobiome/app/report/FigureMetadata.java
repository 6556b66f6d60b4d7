package org.osteobiome.app.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.osteobiome.app.cli.VersionProvider;
import org.w3c.dom.Node;

/**
 * What a figure file says about itself: its title, caption, axis labels and the software that drew it — PNG iTXt
 * entries (UTF-8 text chunks any image viewer's "properties" shows) and SVG {@code <title>}/{@code <desc>}. A figure
 * copied into a manuscript folder keeps what it shows and its units.
 */
public final class FigureMetadata {
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";
    /** The keys written: title, caption, x-axis label, the y-axis labels top to bottom (one a line), software. */
    public static final String TITLE = "Title";
    public static final String DESCRIPTION = "Description";
    public static final String X_AXIS = "X axis";
    public static final String Y_AXES = "Y axes";
    public static final String SOFTWARE = "Software";

    private FigureMetadata() {
    }

    static Map<String, String> of(Figure figure) {
        return describe(figure.title(), figure.caption(), figure.xLabel(), figure.panels().stream().map(Figure.Panel::yLabel).toList());
    }

    static Map<String, String> describe(String title, String caption, String xLabel, List<String> yLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TITLE, title);
        m.put(DESCRIPTION, caption);
        m.put(X_AXIS, xLabel);
        m.put(Y_AXES, String.join("\n", yLabels));
        m.put(SOFTWARE, "osteobiome " + VersionProvider.version() + " (" + TrajectoryWriter.NOTICE + ")");
        return m;
    }

    static void writePng(BufferedImage image, Map<String, String> text, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entries = new IIOMetadataNode("iTXt");
            for (Map.Entry<String, String> e : text.entrySet()) {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", e.getValue());
                entries.appendChild(entry);
            }
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            root.appendChild(entries);
            metadata.mergeTree(PNG_FORMAT, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The text entries of a PNG this class wrote (empty for a PNG without them). */
    public static Map<String, String> readPng(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(stream);
                Node root = reader.getImageMetadata(0).getAsTree(PNG_FORMAT);
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    if (chunk.getNodeName().equals("iTXt")) {
                        for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                            IIOMetadataNode entry = (IIOMetadataNode) e;
                            m.put(entry.getAttribute("keyword"), entry.getAttribute("text"));
                        }
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        return m;
    }

    /** The SVG document with {@code <title>} and {@code <desc>} (caption, axes, software) as the root's first children. */
    static String intoSvg(String svg, Map<String, String> m) {
        int root = svg.indexOf("<svg");
        int end = root < 0 ? -1 : svg.indexOf('>', root);
        if (end < 0) {
            return svg;
        }
        String desc = m.get(DESCRIPTION) + "\n" + X_AXIS + ": " + m.get(X_AXIS) + "\n" + Y_AXES + ": "
                + m.get(Y_AXES).replace("\n", "; ") + "\n" + m.get(SOFTWARE);
        return svg.substring(0, end + 1) + "<title>" + HtmlPage.escape(m.get(TITLE)) + "</title><desc>" + HtmlPage.escape(desc) + "</desc>"
                + svg.substring(end + 1);
    }
}
