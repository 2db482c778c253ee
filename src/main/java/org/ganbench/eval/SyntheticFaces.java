package org.ganbench.eval;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Images;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * Simple cartoon faces with known modes: 8 hair colours x 4 eye colours x 2 background tones = 64 modes, with jitter
 * in position, size and shading. Because the drawing is ours, {@link ModeClassifier} reads the mode back from
 * pixels; the geometry below keeps fixed regions for it (hair above the eyes, irises inside two eye windows,
 * background in the corners) under every jitter, so change both together.
 */
public final class SyntheticFaces {
    public static final int SIDE = 64;
    public static final int HAIR_COLOURS = 8;
    public static final int EYE_COLOURS = 4;
    public static final int BACKGROUNDS = 2;
    public static final int MODES = HAIR_COLOURS * EYE_COLOURS * BACKGROUNDS;

    static final String[] HAIR_NAMES = {"black", "brown", "blonde", "red", "blue", "green", "pink", "silver"};
    static final int[][] HAIR = {{40, 34, 38}, {120, 72, 40}, {238, 204, 104}, {206, 48, 44}, {52, 92, 212},
            {48, 160, 80}, {244, 136, 184}, {196, 204, 218}};
    static final String[] EYE_NAMES = {"blue", "green", "red", "purple"};
    static final int[][] EYES = {{30, 110, 240}, {30, 190, 70}, {220, 30, 50}, {150, 50, 220}};
    static final String[] BACKGROUND_NAMES = {"light", "dark"};
    static final int[][] BACKGROUND = {{232, 234, 242}, {52, 58, 82}};
    private static final int[] SKIN = {250, 226, 208};
    private static final int[] PUPIL = {28, 22, 34};
    private static final int[] MOUTH = {196, 84, 92};

    private SyntheticFaces() {
    }

    /** The mode of a hair, eye and background index: (hair * 4 + eyes) * 2 + background. */
    public static int mode(int hair, int eyes, int background) {
        return (hair * EYE_COLOURS + eyes) * BACKGROUNDS + background;
    }

    public static int hairOf(int mode) {
        return mode / (EYE_COLOURS * BACKGROUNDS);
    }

    public static int eyesOf(int mode) {
        return mode / BACKGROUNDS % EYE_COLOURS;
    }

    public static int backgroundOf(int mode) {
        return mode % BACKGROUNDS;
    }

    /** Human-readable mode, e.g. "pink hair, green eyes, dark background". */
    public static String describe(int mode) {
        return HAIR_NAMES[hairOf(mode)] + " hair, " + EYE_NAMES[eyesOf(mode)] + " eyes, "
                + BACKGROUND_NAMES[backgroundOf(mode)] + " background";
    }

    /** Face {@code index} of the set with {@code seed}: its mode is uniform over the 64, its jitter random. */
    public static int modeOf(long seed, int index) {
        return new SplittableRandom(Seeds.mix(seed, index)).nextInt(MODES);
    }

    /** Draws face {@code index} of the set with {@code seed} (the same face every time). */
    public static BufferedImage draw(long seed, int index) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, index));
        int mode = rng.nextInt(MODES);
        return draw(mode, rng);
    }

    /** {@code n} faces of the set with {@code seed} in memory, with their modes; in parallel, cancellable. */
    public static Generated generate(int n, long seed, ProgressListener progress, CancellationToken cancel) {
        if (n < 1) {
            throw new IllegalArgumentException("number of synthetic faces must be at least 1, was " + n);
        }
        int fb = SIDE * SIDE * 3;
        byte[] pixels = new byte[Math.multiplyExact(n, fb)];
        int[] modes = new int[n];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            modes[i] = modeOf(seed, i);
            System.arraycopy(Images.toRgb(draw(seed, i)), 0, pixels, i * fb, fb);
            int d = done.incrementAndGet();
            if (d % 512 == 0 || d == n) {
                progress.progress(d, n, "drawing synthetic faces");
            }
        });
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(faceName(i));
        }
        return new Generated(new FaceSet(SIDE, pixels, names), modes);
    }

    /** Faces and the mode each was drawn with. */
    public record Generated(FaceSet faces, int[] modes) {
    }

    /** File name of face {@code index} under a dataset's faces/. */
    public static String faceName(int index) {
        return String.format("synth_%06d.png", index);
    }

    private static BufferedImage draw(int mode, SplittableRandom rng) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double light = uniform(rng, 0.88, 1.12);
            double cx = uniform(rng, 30.5, 33.5);
            double cy = uniform(rng, 34, 36);
            double rx = uniform(rng, 16.5, 18.5);
            double ry = rx * uniform(rng, 1.05, 1.12);

            int[] bg = BACKGROUND[backgroundOf(mode)];
            double gradient = uniform(rng, -0.06, 0.06);
            g.setPaint(new GradientPaint(0, 0, colour(bg, uniform(rng, 0.94, 1.06) + gradient), 0, SIDE,
                    colour(bg, 1 - gradient)));
            g.fillRect(0, 0, SIDE, SIDE);

            int[] hair = HAIR[hairOf(mode)];
            Color hairTop = colour(hair, light * 1.04);
            Color hairBottom = colour(hair, light * 0.94);
            g.setPaint(new GradientPaint(0, (float) (cy - ry - 5), hairTop, 0, (float) (cy + ry * 0.6), hairBottom));
            g.fill(new RoundRectangle2D.Double(cx - rx - 4.5, cy - ry - 5, 2 * rx + 9, ry * 1.6 + 5, 18, 18));

            g.setColor(colour(SKIN, light));
            g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));

            g.setPaint(new GradientPaint(0, (float) (cy - 1.15 * ry), hairTop, 0, (float) (cy - 0.25 * ry), hairBottom));
            g.fill(new Ellipse2D.Double(cx - rx - 1, cy - 1.15 * ry, 2 * rx + 2, 0.9 * ry));
            Polygon fringe = new Polygon();
            double spikeTip = cy - 0.2 * ry - uniform(rng, 0, 1.5);
            for (int s = -1; s <= 1; s++) {
                double x = cx + s * 0.5 * rx;
                fringe.addPoint((int) Math.round(x - 4), (int) Math.round(cy - 0.6 * ry));
                fringe.addPoint((int) Math.round(x), (int) Math.round(spikeTip));
                fringe.addPoint((int) Math.round(x + 4), (int) Math.round(cy - 0.6 * ry));
            }
            g.fill(fringe);

            int[] eyes = EYES[eyesOf(mode)];
            double eyeY = cy + uniform(rng, 1.5, 3);
            double eyeDx = uniform(rng, 7, 8.5);
            for (int side = -1; side <= 1; side += 2) {
                double ex = cx + side * eyeDx;
                g.setColor(colour(new int[] {255, 255, 255}, light));
                g.fill(new Ellipse2D.Double(ex - 3.6, eyeY - 4.2, 7.2, 8.4));
                g.setColor(colour(eyes, light));
                g.fill(new Ellipse2D.Double(ex - 2.6, eyeY - 2.8, 5.2, 6.4));
                g.setColor(colour(PUPIL, light));
                g.fill(new Ellipse2D.Double(ex - 1.2, eyeY - 1.2, 2.4, 3.2));
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(ex - 2.0, eyeY - 2.3, 1.6, 1.6));
            }

            g.setColor(colour(MOUTH, light));
            double mouthY = cy + 0.6 * ry + 1.3;
            double mouthW = uniform(rng, 2, 3.5);
            g.fill(new Ellipse2D.Double(cx - mouthW, mouthY - 1.0, 2 * mouthW, uniform(rng, 1.4, 2.6)));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static Color colour(int[] rgb, double factor) {
        return new Color(clamp(rgb[0] * factor), clamp(rgb[1] * factor), clamp(rgb[2] * factor));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
