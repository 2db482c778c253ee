package org.ganbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ganbench.common.MinMaxDecimator;
import org.ganbench.common.SeriesBuffer;

/**
 * A line chart over {@link SeriesBuffer}s drawn on a canvas. Each redraw decimates every curve to about two points
 * per pixel column ({@link MinMaxDecimator}) and strokes one polyline per curve, so it costs a few milliseconds
 * whether a run has 1,000 or 100,000 steps; the full data stays in the buffers (and the run's files). (JavaFX's
 * LineChart was measured at over 100 ms per redraw for four curves of 760 points: one node bookkeeping entry per point.)
 */
public final class CurveChart {
    private static final Color[] PALETTE = {Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"),
        Color.web("#9467bd"), Color.web("#ff7f0e"), Color.web("#17becf"), Color.web("#8c564b"), Color.web("#e377c2")};
    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 24;

    private static final class Curve {
        final SeriesBuffer buffer;
        final boolean smoothed;
        final Color color;
        MinMaxDecimator.Points drawn = new MinMaxDecimator.Points(new double[0], new double[0]);

        Curve(SeriesBuffer buffer, boolean smoothed, Color color) {
            this.buffer = buffer;
            this.smoothed = smoothed;
            this.color = color;
        }
    }

    private final List<Curve> curves = new ArrayList<>();
    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(12, 2);
    private final BorderPane root = new BorderPane();

    public CurveChart(String title, String yLabel) {
        Label heading = new Label(title + "  (" + yLabel + " by step)");
        heading.setStyle("-fx-font-weight: bold;");
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
    }

    public BorderPane node() {
        return root;
    }

    /**
     * Adds a curve; {@code raw} draws the buffer's values faintly, {@code smoothed} its moving average boldly, in the
     * colour of the {@code colorIndex}-th quantity (so the raw and smoothed curves of one quantity match).
     */
    public void add(String name, SeriesBuffer buffer, int colorIndex, boolean raw, boolean smoothed) {
        Color color = PALETTE[colorIndex % PALETTE.length];
        if (raw) {
            curves.add(new Curve(buffer, false, color));
        }
        if (smoothed) {
            curves.add(new Curve(buffer, true, color));
        }
        Rectangle swatch = new Rectangle(14, 4, color);
        Label entry = new Label(name + (raw && smoothed ? " (faint: raw)" : ""), swatch);
        legend.getChildren().add(entry);
    }

    public void clear() {
        curves.clear();
        legend.getChildren().clear();
        refresh();
    }

    /** Points drawn by the curve at {@code index} at the last redraw (for tests and diagnostics). */
    public int drawnPoints(int index) {
        return curves.get(index).drawn.size();
    }

    public int curveCount() {
        return curves.size();
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
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            SeriesBuffer b = c.buffer;
            c.drawn = MinMaxDecimator.decimate(b.xs(), c.smoothed ? b.smoothedYs() : b.ys(), b.size(), buckets);
            for (int i = 0; i < c.drawn.size(); i++) {
                double y = c.drawn.y()[i];
                if (Double.isFinite(y)) {
                    xMin = Math.min(xMin, c.drawn.x()[i]);
                    xMax = Math.max(xMax, c.drawn.x()[i]);
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        if (plotW < 10 || plotH < 10) {
            return;
        }
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotW, plotH);
        if (xMin > xMax) {
            g.setFill(Color.gray(0.45));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("no data yet", LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        // At least a relative pad: a range far below the values' precision would make ticks that never advance.
        double pad = Math.max(0.05 * (yMax - yMin), Math.max(1e-3, Math.max(Math.abs(yMin), Math.abs(yMax)) * 1e-3));
        yMin -= pad;
        yMax += pad;
        drawAxes(g, xMin, xMax, yMin, yMax, plotW, plotH);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW, plotH);
        g.clip();
        for (Curve c : curves) {
            MinMaxDecimator.Points p = c.drawn;
            if (p.size() == 0) {
                continue;
            }
            g.setStroke(c.color);
            g.setGlobalAlpha(c.smoothed ? 1 : 0.35);
            g.setLineWidth(c.smoothed ? 2 : 1);
            double[] px = new double[p.size()];
            double[] py = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                px[i] = LEFT + (p.x()[i] - xMin) / (xMax - xMin) * plotW;
                py[i] = TOP + (yMax - p.y()[i]) / (yMax - yMin) * plotH;
            }
            g.strokePolyline(px, py, p.size());
        }
        g.restore();
    }

    /** Bound on the ticks of an axis, whatever the values. */
    private static final int MAX_TICKS = 40;

    private void drawAxes(GraphicsContext g, double xMin, double xMax, double yMin, double yMax, double plotW,
                          double plotH) {
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.25));
        double yStep = niceStep((yMax - yMin) / 5);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double firstY = Math.ceil(yMin / yStep);
        for (int k = 0; k <= MAX_TICKS && (firstY + k) * yStep <= yMax; k++) {
            double v = (firstY + k) * yStep;
            double y = Math.round(TOP + (yMax - v) / (yMax - yMin) * plotH) + 0.5;
            g.setStroke(Color.gray(0.9));
            g.strokeLine(LEFT + 1, y, LEFT + plotW, y);
            g.fillText(format(v, yStep), LEFT - 4, y);
        }
        double xStep = Math.max(1, niceStep((xMax - xMin) / Math.max(2, plotW / 90)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double firstX = Math.ceil(xMin / xStep);
        for (int k = 0; k <= MAX_TICKS && (firstX + k) * xStep <= xMax; k++) {
            double v = (firstX + k) * xStep;
            double x = Math.round(LEFT + (v - xMin) / (xMax - xMin) * plotW) + 0.5;
            g.setStroke(Color.gray(0.9));
            g.strokeLine(x, TOP + 1, x, TOP + plotH);
            g.fillText(format(v, xStep), x, TOP + plotH + 4);
        }
    }

    /** A round step (1, 2 or 5 times a power of ten) close to {@code rough}. */
    public static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * magnitude;
    }

    private static String format(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        if (step >= 1 && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
