package org.osteobiome.app.report;

import org.osteobiome.core.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Grouped bar charts (sensitivity indices) as PNG or SVG. */
public final class BarChartWriter {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 420;

    private BarChartWriter() {
    }

    /** One group of bars per category, one colour per series. */
    public static void write(String title, String yLabel, List<String> categories, Map<String, double[]> series, Path file) {
        boolean svg = FigureWriter.isSvg(file);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setToolTipsEnabled(false);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, java.util.Arrays.stream(e.getValue()).boxed().toList());
        }
        int height = HEIGHT + 26;
        AtomicFiles.write(file, out -> {
            if (svg) {
                de.erichseifert.vectorgraphics2d.VectorGraphics2D g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
                paint(g, chart, height);
                new de.erichseifert.vectorgraphics2d.svg.SVGProcessor()
                        .getDocument(g.getCommands(), new de.erichseifert.vectorgraphics2d.util.PageSize(0, 0, WIDTH, height)).writeTo(out);
            } else {
                BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                paint(g, chart, height);
                g.dispose();
                ImageIO.write(image, "png", out);
            }
        });
    }

    private static void paint(Graphics2D g, CategoryChart chart, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        chart.paint(g, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(TrajectoryWriter.NOTICE, 10, HEIGHT + 17);
    }
}
