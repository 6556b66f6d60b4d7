package org.osteobiome.app.report;

import org.osteobiome.core.AtomicFiles;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.osteobiome.core.OsteobiomeException;

/** Renders a {@link Figure} to PNG or SVG (chosen by the file name) with XChart. */
public final class FigureWriter {
    static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 330;
    private static final int FOOTER = 26;
    private static final int CAPTION_LINE = 16;

    private FigureWriter() {
    }

    /** Checks that a path names a PNG or SVG file; returns true for SVG. */
    public static boolean isSvg(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return true;
        }
        if (name.endsWith(".png")) {
            return false;
        }
        throw OsteobiomeException.invalid("plot file " + file + " must end in .png or .svg");
    }

    public static void write(Figure figure, Path file) {
        List<XYChart> charts = charts(figure);
        render(file, charts.size() * PANEL_HEIGHT, figure.caption(), FigureMetadata.of(figure), g -> {
            int y = 0;
            for (XYChart chart : charts) {
                Graphics2D panel = (Graphics2D) g.create();
                panel.translate(0, y);
                chart.paint(panel, WIDTH, PANEL_HEIGHT);
                panel.dispose();
                y += PANEL_HEIGHT;
            }
        });
    }

    /**
     * Writes a figure file: {@code body} paints the charts in the top {@code bodyHeight} pixels, the caption and the
     * research-use notice follow, and the file carries {@code text} as its metadata.
     */
    static void render(Path file, int bodyHeight, String caption, Map<String, String> text, Consumer<Graphics2D> body) {
        boolean svg = isSvg(file);
        Font captionFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        List<String> lines = wrap(caption, captionFont, WIDTH - 20);
        int height = bodyHeight + lines.size() * CAPTION_LINE + FOOTER;
        Consumer<Graphics2D> paint = g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            body.accept(g);
            int y = bodyHeight;
            g.setColor(Color.BLACK);
            g.setFont(captionFont);
            for (String line : lines) {
                y += CAPTION_LINE;
                g.drawString(line, 10, y - 3);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(TrajectoryWriter.NOTICE, 10, y + 17);
        };
        AtomicFiles.write(file, out -> {
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint.accept(g);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height)).writeTo(buffer);
                out.write(FigureMetadata.intoSvg(buffer.toString(StandardCharsets.UTF_8), text).getBytes(StandardCharsets.UTF_8));
            } else {
                BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                paint.accept(g);
                g.dispose();
                FigureMetadata.writePng(image, text, out);
            }
        });
    }

    /** Words folded into lines no wider than {@code width} pixels in {@code font}. */
    static List<String> wrap(String text, Font font, int width) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        java.awt.FontMetrics metrics = g.getFontMetrics(font);
        g.dispose();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Above this many points in a panel, markers are drawn smaller and translucent. */
    private static final int CROWDED_POINTS = 300;

    private static List<XYChart> charts(Figure figure) {
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < figure.panels().size(); i++) {
            Figure.Panel panel = figure.panels().get(i);
            XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                    .title(i == 0 ? figure.title() : "").xAxisTitle(figure.xLabel()).yAxisTitle(panel.yLabel()).build();
            Styler styler = chart.getStyler();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
            int pointCount = panel.points().stream().mapToInt(p -> p.x().length).sum();
            boolean crowded = pointCount > CROWDED_POINTS;
            chart.getStyler().setMarkerSize(crowded ? 5 : 8);
            chart.getStyler().setDecimalPattern("#,##0.###");
            chart.getStyler().setErrorBarsColorSeriesColor(true);
            styler.setToolTipsEnabled(false);
            List<String> lineNames = panel.lines().stream().map(Figure.Line::name).toList();
            int shade = 0;
            for (Figure.Band band : panel.bands()) {
                int n = band.x().length;
                double[] x = new double[2 * n];
                double[] y = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    x[k] = band.x()[k];
                    y[k] = band.upper()[k];
                    x[2 * n - 1 - k] = band.x()[k];
                    y[2 * n - 1 - k] = band.lower()[k];
                }
                XYSeries series = chart.addSeries(band.name(), x, y);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                series.setMarker(SeriesMarkers.NONE);
                int k = band.line() == null ? -1 : lineNames.indexOf(band.line());
                // A band around a line takes the line's colour; nested bands (wider first) get darker tints.
                Color fill = k >= 0 ? FigureStyle.tint(k, 60) : FigureStyle.tint(0, 50 + 45 * Math.min(shade++, 3));
                series.setFillColor(fill);
                series.setLineColor(fill);
            }
            for (int k = 0; k < panel.lines().size(); k++) {
                Figure.Line line = panel.lines().get(k);
                XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
                series.setMarker(SeriesMarkers.NONE);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                series.setLineColor(FigureStyle.colour(k));
                series.setLineStyle(FigureStyle.line(k));
            }
            int own = lineNames.size();
            for (Figure.Points points : panel.points()) {
                int k = points.line() == null ? -1 : lineNames.indexOf(points.line());
                int colour = k >= 0 ? k : own++;
                XYSeries series = points.errors() == null ? chart.addSeries(points.name(), points.x(), points.y())
                        : chart.addSeries(points.name(), points.x(), points.y(), points.errors());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(FigureStyle.marker(colour));
                Color c = FigureStyle.colour(colour);
                // Crowded scatter plots (a PCoA of a thousand samples) get smaller, translucent markers, so that
                // dense regions show as darker instead of one blot.
                series.setMarkerColor(crowded ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 140) : c);
                series.setLineColor(c); // the error bars' colour
            }
            roundTicks(chart, panel);
            charts.add(chart);
        }
        return charts;
    }

    /**
     * XChart puts the x ticks on the data's own x values when they are equally spaced (a model's output grid), which
     * gives ticks such as 240.9, 481.8; one invisible point off that grid makes it choose round steps instead.
     */
    private static void roundTicks(XYChart chart, Figure.Panel panel) {
        for (Figure.Line line : panel.lines()) {
            if (line.x().length > 2 && line.y().length > 0) {
                double step = line.x()[1] - line.x()[0];
                XYSeries helper = chart.addSeries(" ", new double[] {line.x()[0] + 0.37 * step}, new double[] {line.y()[0]});
                helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                helper.setMarker(SeriesMarkers.NONE);
                helper.setShowInLegend(false);
                return;
            }
        }
    }
}
