package org.ganbench.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ganbench.common.AxisTicks;
import org.ganbench.common.Images;
import org.ganbench.common.MinMaxDecimator;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.train.MetricsRow;

/**
 * The one picture of a run's loss curves, drawn with java.awt (headless-safe) for reports and exports: D and G losses
 * by step on the left axis and DRAGAN's penalty on its own right axis (at about 10 it would flatten D's 1.39 and G's
 * 0.69 into lines), each faint raw and bold smoothed (the window's smoothing), with ticks at round values
 * ({@link AxisTicks}); decimated to about two points per pixel column so that a run of 100,000 steps draws as fast
 * as a short one and keeps its spikes.
 */
public final class LossCurvePlot {
    /** The same exponential smoothing as the window's charts. */
    public static final double SMOOTHING = 0.95;
    private static final int LEFT = 56;
    /** Room for the penalty's own axis on the right. */
    private static final int RIGHT = 48;
    private static final int TOP = 26;
    private static final int BOTTOM = 40;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private record Curve(String name, SeriesBuffer values, Color colour) {
    }

    private LossCurvePlot() {
    }

    /** The curves of {@code rows} on a {@code width x height} white picture titled {@code title}. */
    public static BufferedImage render(List<MetricsRow> rows, int width, int height, String title) {
        if (width < LEFT + RIGHT + 20 || height < TOP + BOTTOM + 20) {
            throw new IllegalArgumentException("a curve picture needs at least " + (LEFT + RIGHT + 20) + "x"
                    + (TOP + BOTTOM + 20) + " pixels, was " + width + "x" + height);
        }
        List<Curve> curves = List.of(curve("D", rows, MetricsRow::lossDis, COLOURS[0]),
                curve("G", rows, MetricsRow::lossGen, COLOURS[1]),
                curve("penalty", rows, MetricsRow::lossGp, COLOURS[2]));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            g.drawString(title, LEFT, 16);
            draw(g, curves, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes the picture as a PNG, atomically. */
    public static void write(List<MetricsRow> rows, int width, int height, String title, Path png) throws IOException {
        Images.writePng(render(rows, width, height, title), png);
    }

    private static Curve curve(String name, List<MetricsRow> rows, ToDoubleFunction<MetricsRow> value, Color colour) {
        SeriesBuffer buffer = new SeriesBuffer(SMOOTHING);
        for (MetricsRow row : rows) {
            buffer.append(row.step(), value.applyAsDouble(row));
        }
        return new Curve(name, buffer, colour);
    }

    /** Where the curves of one axis are drawn: its range of values over the plot's height. */
    private record Scale(double min, double max) {
        static Scale of(AxisTicks ticks) {
            return new Scale(ticks.min(), ticks.max());
        }

        double y(double v, int plotH) {
            return TOP + plotH - (v - min) / (max - min) * plotH;
        }
    }

    private static void draw(Graphics2D g, List<Curve> curves, int width, int height) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(LEFT, TOP, plotW, plotH);
        MinMaxDecimator.Points[][] drawn = new MinMaxDecimator.Points[curves.size()][];
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < curves.size(); i++) {
            SeriesBuffer b = curves.get(i).values();
            drawn[i] = new MinMaxDecimator.Points[] {
                    MinMaxDecimator.decimate(b.xs(), b.ys(), b.size(), plotW),
                    MinMaxDecimator.decimate(b.xs(), b.smoothedYs(), b.size(), plotW)};
            for (double v : drawn[i][0].x()) {
                x[0] = Math.min(x[0], v);
                x[1] = Math.max(x[1], v);
            }
        }
        double[] losses = range(drawn, 0, 2);
        double[] penalty = range(drawn, 2, 3);
        FontMetrics fm = g.getFontMetrics();
        if (!(losses[0] <= losses[1]) && !(penalty[0] <= penalty[1])) {
            g.setColor(Color.GRAY);
            String empty = "no metrics yet";
            g.drawString(empty, LEFT + (plotW - fm.stringWidth(empty)) / 2, TOP + plotH / 2);
            return;
        }
        x[1] = Math.max(x[1], x[0] + 1); // steps: the data's range, not widened to ticks
        // Steps are whole numbers: no more ticks than steps.
        AxisTicks xTicks = AxisTicks.covering(x[0], x[1], (int) Math.max(1, Math.min(plotW / 90, x[1] - x[0])));
        Scale[] scales = new Scale[curves.size()];
        if (losses[0] <= losses[1]) {
            AxisTicks ticks = AxisTicks.covering(losses[0], losses[1], 4);
            yAxis(g, fm, ticks, plotW, plotH, true);
            scales[0] = Scale.of(ticks);
            scales[1] = scales[0];
        }
        if (penalty[0] <= penalty[1]) {
            AxisTicks ticks = AxisTicks.covering(Math.min(0, penalty[0]), penalty[1], 4);
            yAxis(g, fm, ticks, plotW, plotH, false);
            scales[2] = Scale.of(ticks);
        }
        xAxis(g, fm, xTicks, x, plotW, plotH);
        for (int i = 0; i < curves.size(); i++) {
            if (scales[i] == null) {
                continue;
            }
            Color c = curves.get(i).colour();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            g.setStroke(new BasicStroke(1f));
            g.draw(polyline(drawn[i][0], x[0], x[1], scales[i], plotW, plotH));
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            g.draw(polyline(drawn[i][1], x[0], x[1], scales[i], plotW, plotH));
        }
        legend(g, fm, curves, drawn, width, height);
    }

    /** The finite values' range of the raw curves {@code from} to {@code to} (exclusive); empty: min > max. */
    private static double[] range(MinMaxDecimator.Points[][] drawn, int from, int to) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = from; i < to; i++) {
            for (double y : drawn[i][0].y()) {
                if (Double.isFinite(y)) {
                    r[0] = Math.min(r[0], y);
                    r[1] = Math.max(r[1], y);
                }
            }
        }
        return r;
    }

    /** The losses' axis on the left with gridlines, or the penalty's on the right in its colour. */
    private static void yAxis(Graphics2D g, FontMetrics fm, AxisTicks ticks, int plotW, int plotH, boolean left) {
        g.setStroke(new BasicStroke(1f));
        Scale scale = Scale.of(ticks);
        for (double v : ticks.values()) {
            int y = (int) Math.round(scale.y(v, plotH));
            String label = ticks.label(v);
            if (left) {
                g.setColor(new Color(0xeeeeee));
                g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label, LEFT - 4 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
            } else {
                g.setColor(COLOURS[2]);
                g.drawLine(LEFT + plotW, y, LEFT + plotW + 3, y);
                g.drawString(label, LEFT + plotW + 5, y + fm.getAscent() / 2 - 1);
            }
        }
    }

    private static void xAxis(Graphics2D g, FontMetrics fm, AxisTicks ticks, double[] range, int plotW, int plotH) {
        g.setColor(Color.DARK_GRAY);
        for (double v : ticks.within(range[0], range[1])) {
            int x = LEFT + (int) Math.round((v - range[0]) / (range[1] - range[0]) * plotW);
            String label = ticks.label(v);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 3);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + fm.getAscent() + 4);
        }
    }

    private static Path2D polyline(MinMaxDecimator.Points p, double minX, double maxX, Scale scale, int plotW,
                                   int plotH) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int k = 0; k < p.size(); k++) {
            if (!Double.isFinite(p.y()[k])) {
                pen = false;
                continue;
            }
            double x = LEFT + (p.x()[k] - minX) / (maxX - minX) * plotW;
            double y = scale.y(p.y()[k], plotH);
            if (pen) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                pen = true;
            }
        }
        return path;
    }

    private static void legend(Graphics2D g, FontMetrics fm, List<Curve> curves, MinMaxDecimator.Points[][] drawn,
                               int width, int height) {
        int x = LEFT;
        int y = height - 8;
        for (int i = 0; i < curves.size(); i++) {
            if (drawn[i][0].size() == 0) {
                continue; // no penalty column in this algorithm
            }
            g.setColor(curves.get(i).colour());
            g.fillRect(x, y - 8, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(curves.get(i).name(), x + 18, y - 3);
            x += 30 + fm.stringWidth(curves.get(i).name());
        }
        String hint = drawn[2][0].size() == 0 ? "faint raw, bold smoothed"
                : "faint raw, bold smoothed; penalty on the right axis";
        if (x + 10 + fm.stringWidth(hint) <= width - RIGHT) {
            g.drawString(hint, x + 10, y - 3);
        }
    }
}
