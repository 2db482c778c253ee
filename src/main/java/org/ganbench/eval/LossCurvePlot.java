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
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ganbench.common.Images;
import org.ganbench.common.MinMaxDecimator;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.train.MetricsRow;

/**
 * The one picture of a run's loss curves, drawn with java.awt (headless-safe) for reports and exports: D, G and
 * penalty losses by step, each faint raw and bold smoothed (the window's smoothing), decimated to about two points
 * per pixel column so that a run of 100,000 steps draws as fast as a short one and keeps its spikes.
 */
public final class LossCurvePlot {
    /** The same exponential smoothing as the window's charts. */
    public static final double SMOOTHING = 0.95;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
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

    private static void draw(Graphics2D g, List<Curve> curves, int width, int height) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(LEFT, TOP, plotW, plotH);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        MinMaxDecimator.Points[][] drawn = new MinMaxDecimator.Points[curves.size()][];
        for (int i = 0; i < curves.size(); i++) {
            SeriesBuffer b = curves.get(i).values();
            drawn[i] = new MinMaxDecimator.Points[] {
                    MinMaxDecimator.decimate(b.xs(), b.ys(), b.size(), plotW),
                    MinMaxDecimator.decimate(b.xs(), b.smoothedYs(), b.size(), plotW)};
            for (double y : drawn[i][0].y()) {
                if (Double.isFinite(y)) {
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            for (double x : drawn[i][0].x()) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
        }
        FontMetrics fm = g.getFontMetrics();
        if (!(minY <= maxY)) {
            g.setColor(Color.GRAY);
            String empty = "no metrics yet";
            g.drawString(empty, LEFT + (plotW - fm.stringWidth(empty)) / 2, TOP + plotH / 2);
            return;
        }
        if (maxY - minY < 1e-9) {
            minY -= 0.5;
            maxY += 0.5;
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        double pad = 0.04 * (maxY - minY);
        minY -= pad;
        maxY += pad;
        axes(g, fm, minX, maxX, minY, maxY, plotW, plotH);
        for (int i = 0; i < curves.size(); i++) {
            Color c = curves.get(i).colour();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            g.setStroke(new BasicStroke(1f));
            g.draw(polyline(drawn[i][0], minX, maxX, minY, maxY, plotW, plotH));
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            g.draw(polyline(drawn[i][1], minX, maxX, minY, maxY, plotW, plotH));
        }
        legend(g, fm, curves, drawn, width, height);
    }

    private static void axes(Graphics2D g, FontMetrics fm, double minX, double maxX, double minY, double maxY,
                             int plotW, int plotH) {
        g.setStroke(new BasicStroke(1f));
        for (int t = 0; t <= 4; t++) {
            double v = minY + (maxY - minY) * t / 4;
            int y = TOP + plotH - (int) Math.round(plotH * t / 4.0);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.3g", v);
            g.drawString(label, LEFT - 4 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        String first = String.format(Locale.ROOT, "%,d", (long) minX);
        String last = String.format(Locale.ROOT, "step %,d", (long) maxX);
        g.drawString(first, LEFT, TOP + plotH + fm.getAscent() + 2);
        g.drawString(last, LEFT + plotW - fm.stringWidth(last), TOP + plotH + fm.getAscent() + 2);
    }

    private static Path2D polyline(MinMaxDecimator.Points p, double minX, double maxX, double minY, double maxY,
                                   int plotW, int plotH) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int k = 0; k < p.size(); k++) {
            if (!Double.isFinite(p.y()[k])) {
                pen = false;
                continue;
            }
            double x = LEFT + (p.x()[k] - minX) / (maxX - minX) * plotW;
            double y = TOP + plotH - (p.y()[k] - minY) / (maxY - minY) * plotH;
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
        String hint = "faint raw, bold smoothed";
        if (x + 10 + fm.stringWidth(hint) <= width - RIGHT) {
            g.drawString(hint, x + 10, y - 3);
        }
    }
}
