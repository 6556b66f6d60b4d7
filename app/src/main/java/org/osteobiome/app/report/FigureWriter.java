package org.osteobiome.app.report;

import org.osteobiome.core.AtomicFiles;
import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.osteobiome.core.OsteobiomeException;

/** Renders a {@link Figure} to PNG or SVG (chosen by the file name) with XChart. */
public final class FigureWriter {
    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 330;
    private static final int FOOTER = 26;

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
        boolean svg = isSvg(file);
        List<XYChart> charts = charts(figure);
        int height = charts.size() * PANEL_HEIGHT + FOOTER;
        AtomicFiles.write(file, out -> {
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, charts, height);
                Document document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height));
                document.writeTo(out);
            } else {
                BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                paint(g, charts, height);
                g.dispose();
                ImageIO.write(image, "png", out);
            }
        });
    }

    private static void paint(Graphics2D g, List<XYChart> charts, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        int y = 0;
        for (XYChart chart : charts) {
            Graphics2D panel = (Graphics2D) g.create();
            panel.translate(0, y);
            chart.paint(panel, WIDTH, PANEL_HEIGHT);
            panel.dispose();
            y += PANEL_HEIGHT;
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(TrajectoryWriter.NOTICE, 10, y + 17);
    }

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
            chart.getStyler().setMarkerSize(7);
            chart.getStyler().setDecimalPattern("#,##0.###");
            styler.setToolTipsEnabled(false);
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
                int level = 200 - 35 * Math.min(shade++, 4);
                series.setFillColor(new Color(level, level, 235));
                series.setLineColor(new Color(level, level, 235));
            }
            for (Figure.Line line : panel.lines()) {
                XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
                series.setMarker(SeriesMarkers.NONE);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
            for (Figure.Points points : panel.points()) {
                XYSeries series = points.errors() == null ? chart.addSeries(points.name(), points.x(), points.y())
                        : chart.addSeries(points.name(), points.x(), points.y(), points.errors());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            charts.add(chart);
        }
        return charts;
    }
}
