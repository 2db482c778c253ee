package org.ganbench.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A line chart over {@link SeriesBuffer}s that never holds more points than it can show: each refresh decimates every
 * curve to about two points per pixel column ({@link MinMaxDecimator}), so it stays responsive with 100,000 steps
 * while the full data stays in the buffers (and the run's files).
 */
final class CurveChart {
    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
        "#8c564b", "#e377c2"};

    private record Curve(SeriesBuffer buffer, boolean smoothed, XYChart.Series<Number, Number> series, String color) {
    }

    private final LineChart<Number, Number> chart;
    private final List<Curve> curves = new ArrayList<>();

    CurveChart(String title, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(160);
        chart.widthProperty().addListener((o, a, b) -> refresh());
    }

    LineChart<Number, Number> node() {
        return chart;
    }

    /**
     * Adds a curve; {@code raw} draws the buffer's values faintly, {@code smoothed} its moving average boldly, in the
     * colour of the {@code colorIndex}-th quantity (so the raw and smoothed curves of one quantity match).
     */
    void add(String name, SeriesBuffer buffer, int colorIndex, boolean raw, boolean smoothed) {
        String color = PALETTE[colorIndex % PALETTE.length];
        if (raw) {
            addSeries(name + (smoothed ? " (raw)" : ""), buffer, false, color);
        }
        if (smoothed) {
            addSeries(name, buffer, true, color);
        }
    }

    private void addSeries(String name, SeriesBuffer buffer, boolean smoothed, String color) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        curves.add(new Curve(buffer, smoothed, series, color));
        styleSeries(curves.get(curves.size() - 1), curves.size() - 1);
    }

    private void styleSeries(Curve curve, int index) {
        String stroke = "-fx-stroke: " + curve.color() + "; -fx-stroke-width: " + (curve.smoothed() ? 2 : 1) + ";"
                + (curve.smoothed() ? "" : " -fx-opacity: 0.35;");
        if (curve.series().getNode() != null) {
            curve.series().getNode().setStyle(stroke);
        }
        // The legend symbol takes the series' default colour class; give it the curve's colour too.
        chart.lookupAll(".default-color" + index + ".chart-legend-item-symbol")
                .forEach(n -> n.setStyle("-fx-background-color: " + curve.color() + ";"));
    }

    void clear() {
        chart.getData().clear();
        curves.clear();
    }

    /** Points currently drawn by the curve at {@code index} (for tests and diagnostics). */
    int drawnPoints(int index) {
        return curves.get(index).series().getData().size();
    }

    int curveCount() {
        return curves.size();
    }

    /** Redraws every curve from its buffer (FX thread). */
    void refresh() {
        int buckets = Math.max(50, (int) (chart.getWidth() / 2));
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            SeriesBuffer b = c.buffer();
            MinMaxDecimator.Points p = MinMaxDecimator.decimate(b.xs(), c.smoothed() ? b.smoothedYs() : b.ys(),
                    b.size(), buckets);
            ObservableList<XYChart.Data<Number, Number>> data = FXCollections.observableArrayList();
            for (int k = 0; k < p.size(); k++) {
                data.add(new XYChart.Data<>(p.x()[k], p.y()[k]));
            }
            c.series().setData(data);
            styleSeries(c, i);
        }
    }
}
