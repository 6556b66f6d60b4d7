package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

class TrajectoryFiguresTest {
    @Test
    void seriesOfOneUnitButVeryDifferentSizeGetTheirOwnPanels() {
        // Komarova 2003: osteoblasts (cells) peak near 400, osteoclasts (cells) start at 11 and settle near 1; on one
        // axis the osteoclasts would be a flat line at zero.
        Model model = ModelCatalog.get("komarova2003");
        Trajectory t = model.simulate(model.defaults(), SimulationSettings.DEFAULTS);
        Figure figure = TrajectoryFigures.of(t, "komarova2003");
        List<String> labels = figure.panels().stream().map(Figure.Panel::yLabel).toList();
        assertThat(labels).contains("osteoblasts (cells)", "osteoclasts (cells)");
        for (Figure.Panel panel : figure.panels()) {
            double largest = panel.lines().stream().mapToDouble(TrajectoryFiguresTest::peak).max().orElseThrow();
            for (Figure.Line line : panel.lines()) {
                assertThat(peak(line) * 10).as("%s in the panel %s", line.name(), panel.yLabel()).isGreaterThanOrEqualTo(largest);
            }
        }
        assertThat(figure.caption()).contains("in a panel of their own");
    }

    private static double peak(Figure.Line line) {
        double peak = 0;
        for (double v : line.y()) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
