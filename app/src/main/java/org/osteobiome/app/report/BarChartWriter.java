package org.osteobiome.app.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Grouped bar charts (sensitivity indices) as PNG or SVG, in the project's figure style with a caption. */
public final class BarChartWriter {
    private static final int HEIGHT = 420;

    private BarChartWriter() {
    }

    /** One group of bars per category, one colour per series. */
    public static void write(String title, String xLabel, String yLabel, List<String> categories, Map<String, double[]> series,
                             String caption, Path file) {
        FigureWriter.isSvg(file);
        CategoryChart chart = new CategoryChartBuilder().width(FigureWriter.WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setToolTipsEnabled(false);
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            CategorySeries s = chart.addSeries(e.getKey(), categories, Arrays.stream(e.getValue()).boxed().toList());
            s.setFillColor(FigureStyle.colour(k++));
        }
        FigureWriter.render(file, HEIGHT, caption, FigureMetadata.describe(title, caption, xLabel, List.of(yLabel)),
                g -> chart.paint(g, FigureWriter.WIDTH, HEIGHT));
    }
}
