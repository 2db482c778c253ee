package org.ganbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ganbench.common.AxisTicks;
import org.ganbench.common.MinMaxDecimator;
import org.ganbench.common.SeriesBuffer;

/**
 * A line chart over {@link SeriesBuffer}s drawn on a canvas. Each redraw decimates every curve to about two points
 * per pixel column ({@link MinMaxDecimator}) and strokes one polyline per curve, so it costs a few milliseconds
 * whether a run has 1,000 or 100,000 steps; the full data stays in the buffers (and the run's files). (JavaFX's
 * LineChart was measured at over 100 ms per redraw for four curves of 760 points: one node bookkeeping entry per point.)
 *
 * <p>Axes tick at round values ({@link AxisTicks}). Each quantity has a legend entry that hides or shows its curves
 * when clicked; a quantity without any value yet (SNGAN's penalty) has none. Colours come from the stylesheet's
 * {@code .series-N} rules (the legend swatches), so the window has one palette.
 */
public final class CurveChart {
    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 24;
    /** Before the stylesheet applies (a chart not yet in a scene). */
    private static final Color UNSTYLED = Color.GRAY;

    /** One quantity: its buffer, how it is drawn, and its legend entry. */
    private final class Series {
        final SeriesBuffer buffer;
        final boolean raw;
        final boolean smoothed;
        final boolean dashed;
        final Region swatch = new Region();
        final Label entry;
        boolean shown = true;
        MinMaxDecimator.Points rawPoints = EMPTY;
        MinMaxDecimator.Points smoothPoints = EMPTY;

        Series(String name, SeriesBuffer buffer, int colorIndex, boolean raw, boolean smoothed, boolean dashed) {
            this.buffer = buffer;
            this.raw = raw;
            this.smoothed = smoothed;
            this.dashed = dashed;
            swatch.getStyleClass().addAll("chart-swatch", "series-" + colorIndex, dashed ? "dashed" : "solid");
            entry = new Label(name + (raw && smoothed ? " (faint: raw)" : ""), swatch);
            entry.getStyleClass().add("chart-legend-entry");
            entry.setTooltip(new Tooltip("Click to hide or show " + name));
            entry.setOnMouseClicked(e -> {
                shown = !shown;
                entry.pseudoClassStateChanged(HIDDEN, !shown);
                refresh();
            });
            entry.managedProperty().bind(entry.visibleProperty());
            swatch.backgroundProperty().addListener(o -> refresh()); // the colour arrives with the stylesheet
        }

        Color color() {
            if (swatch.getBackground() != null && !swatch.getBackground().getFills().isEmpty()) {
                Paint fill = swatch.getBackground().getFills().get(0).getFill();
                if (fill instanceof Color c) {
                    return c;
                }
            }
            return UNSTYLED;
        }

        boolean hasValues() {
            double[] ys = buffer.ys();
            for (int i = 0; i < buffer.size(); i++) {
                if (Double.isFinite(ys[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final MinMaxDecimator.Points EMPTY = new MinMaxDecimator.Points(new double[0], new double[0]);
    private static final javafx.css.PseudoClass HIDDEN = javafx.css.PseudoClass.getPseudoClass("hidden-series");

    private final List<Series> series = new ArrayList<>();
    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(12, 2);
    private final BorderPane root = new BorderPane();
    private boolean fromZero;

    public CurveChart(String title, String yLabel) {
        Label heading = new Label(title + "  (" + yLabel + " by step)");
        heading.getStyleClass().add("section-label");
        Pane plot = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
                    canvas.setWidth(getWidth());
                    canvas.setHeight(getHeight());
                    refresh();
                }
            }
        };
        plot.setMinSize(200, 100);
        root.setTop(heading);
        root.setCenter(plot);
        root.setBottom(legend);
        root.setPadding(new Insets(4, 6, 4, 6));
        root.setMinHeight(150);
        root.getStyleClass().add("curve-chart");
    }

    public BorderPane node() {
        return root;
    }

    /** The value axis starts at 0 (norms, probabilities, penalties: quantities that are never negative). */
    public void startAxisAtZero() {
        fromZero = true;
    }

    /**
     * Adds a quantity; {@code raw} draws the buffer's values faintly, {@code smoothed} its moving average boldly, in
     * the colour of the {@code colorIndex}-th series (so the raw and smoothed curves of one quantity match).
     */
    public void add(String name, SeriesBuffer buffer, int colorIndex, boolean raw, boolean smoothed) {
        add(name, buffer, colorIndex, raw, smoothed, false);
    }

    /** As {@link #add(String, SeriesBuffer, int, boolean, boolean)}; {@code dashed} tells apart two of one colour. */
    public void add(String name, SeriesBuffer buffer, int colorIndex, boolean raw, boolean smoothed, boolean dashed) {
        Series s = new Series(name, buffer, colorIndex, raw, smoothed, dashed);
        series.add(s);
        legend.getChildren().add(s.entry);
    }

    public void clear() {
        series.clear();
        legend.getChildren().clear();
        refresh();
    }

    /** Points drawn by the {@code index}-th curve (raw before smoothed, by quantity) at the last redraw. */
    public int drawnPoints(int index) {
        int i = 0;
        for (Series s : series) {
            if (s.raw && i++ == index) {
                return s.rawPoints.size();
            }
            if (s.smoothed && i++ == index) {
                return s.smoothPoints.size();
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    public int curveCount() {
        return series.stream().mapToInt(s -> (s.raw ? 1 : 0) + (s.smoothed ? 1 : 0)).sum();
    }

    /** The names in the legend now (quantities without values have no entry). */
    public List<String> legendEntries() {
        return series.stream().filter(s -> s.entry.isVisible()).map(s -> s.entry.getText()).toList();
    }

    /** Redraws every curve from its buffer (FX thread). */
    public void refresh() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        int buckets = Math.max(50, (int) (plotW / 2));
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] y = {fromZero ? 0 : Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            SeriesBuffer b = s.buffer;
            s.entry.setVisible(s.hasValues());
            s.rawPoints = s.raw ? MinMaxDecimator.decimate(b.xs(), b.ys(), b.size(), buckets) : EMPTY;
            s.smoothPoints = s.smoothed ? MinMaxDecimator.decimate(b.xs(), b.smoothedYs(), b.size(), buckets) : EMPTY;
            if (s.shown) {
                extend(s.rawPoints, x, y);
                extend(s.smoothPoints, x, y);
            }
        }
        if (plotW < 10 || plotH < 10) {
            return;
        }
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotW, plotH);
        if (!(x[0] <= x[1]) || !(y[0] <= y[1])) {
            g.setFill(Color.gray(0.45));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("no data yet", LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        double[] xRange = {x[0], Math.max(x[1], x[0] + 1)}; // steps: the data's range, not widened to ticks
        // Steps are whole numbers: no more ticks than steps.
        AxisTicks xTicks = AxisTicks.covering(xRange[0], xRange[1],
                (int) Math.max(1, Math.min(plotW / 90, xRange[1] - xRange[0])));
        AxisTicks yTicks = AxisTicks.covering(y[0], y[1], (int) Math.max(2, Math.min(6, plotH / 30)));
        drawAxes(g, xTicks, xRange, yTicks, plotW, plotH);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW, plotH);
        g.clip();
        for (Series s : series) {
            if (s.shown) {
                stroke(g, s, s.rawPoints, false, xRange, yTicks, plotW, plotH);
                stroke(g, s, s.smoothPoints, true, xRange, yTicks, plotW, plotH);
            }
        }
        g.restore();
    }

    private static void extend(MinMaxDecimator.Points p, double[] x, double[] y) {
        for (int i = 0; i < p.size(); i++) {
            if (Double.isFinite(p.y()[i])) {
                x[0] = Math.min(x[0], p.x()[i]);
                x[1] = Math.max(x[1], p.x()[i]);
                y[0] = Math.min(y[0], p.y()[i]);
                y[1] = Math.max(y[1], p.y()[i]);
            }
        }
    }

    private static void stroke(GraphicsContext g, Series s, MinMaxDecimator.Points p, boolean bold, double[] xRange,
                               AxisTicks yTicks, double plotW, double plotH) {
        if (p.size() == 0) {
            return;
        }
        g.setStroke(s.color());
        g.setGlobalAlpha(bold ? 1 : 0.35);
        g.setLineWidth(bold ? 2 : 1);
        g.setLineDashes(s.dashed ? new double[] {6, 4} : null);
        double[] px = new double[p.size()];
        double[] py = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            px[i] = LEFT + (p.x()[i] - xRange[0]) / (xRange[1] - xRange[0]) * plotW;
            py[i] = TOP + (yTicks.max() - p.y()[i]) / (yTicks.max() - yTicks.min()) * plotH;
        }
        g.strokePolyline(px, py, p.size());
        g.setLineDashes((double[]) null);
        g.setGlobalAlpha(1);
    }

    private static void drawAxes(GraphicsContext g, AxisTicks xTicks, double[] xRange, AxisTicks yTicks, double plotW,
                                 double plotH) {
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.25));
        g.setStroke(Color.gray(0.9));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : yTicks.values()) {
            double y = Math.round(TOP + (yTicks.max() - v) / (yTicks.max() - yTicks.min()) * plotH) + 0.5;
            g.strokeLine(LEFT + 1, y, LEFT + plotW, y);
            g.fillText(yTicks.label(v), LEFT - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : xTicks.within(xRange[0], xRange[1])) {
            double x = Math.round(LEFT + (v - xRange[0]) / (xRange[1] - xRange[0]) * plotW) + 0.5;
            g.strokeLine(x, TOP + 1, x, TOP + plotH);
            g.fillText(xTicks.label(v), x, TOP + plotH + 4);
        }
    }
}
