package org.ganbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.ganbench.TestImages;
import org.ganbench.eval.LossCurvePlot;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportsTest {
    @TempDir
    Path tmp;

    /** A run folder as a trainer leaves it: {@code steps} metrics rows, a grid every 10 steps, a row being written. */
    private RunFolder run(int steps, boolean penalty) throws IOException {
        Path dir = tmp.resolve("run");
        StringBuilder csv = new StringBuilder(RunFolder.METRICS_HEADER).append('\n');
        for (int s = 1; s <= steps; s++) {
            csv.append(s).append(',').append(s * 0.5).append(',').append(1.2 * Math.exp(-s / 300.0) + 0.1 * Math.sin(s))
                    .append(',').append(0.7 + 0.2 * Math.cos(s * 0.01)).append(',')
                    .append(penalty ? Double.toString(0.05 * Math.exp(-s / 100.0)) : "")
                    .append(",0.6,0.4,2.5,3.0\n");
        }
        csv.append(steps + 1).append(",1.0,0.5"); // a row cut short: the trainer is writing it
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.csv"), csv);
        for (int s = 10; s <= steps; s += 10) {
            TestImages.writeGrid(dir.resolve(String.format("samples/step_%06d.png", s)), s);
        }
        return new RunFolder(dir);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void curvesCsvHoldsTheCompleteMetricsRows() throws IOException {
        RunFolder run = run(50, true);
        Path csv = tmp.resolve("out/curves.csv");
        assertEquals(50, RunExports.curves(run, csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(RunFolder.METRICS_HEADER, lines.get(0));
        List<String> source = Files.readAllLines(run.metricsFile());
        assertEquals(source.subList(0, 51), lines, "every complete row, as metrics.csv has it, and no partial row");
        assertEquals(run.metrics().size(), lines.size() - 1);
    }

    @Test
    void curvesPngHasTheSizeAndDrawsTheCurves() throws IOException {
        RunFolder run = run(200, true);
        Path png = tmp.resolve("curves.png");
        assertEquals(200, RunExports.curves(run, png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(RunExports.CURVES_WIDTH, image.getWidth());
        assertEquals(RunExports.CURVES_HEIGHT, image.getHeight());
        assertTrue(colours(image) > 20, "curves, text and faint raw lines, not a blank picture: " + colours(image));
        // the three curves' colours appear (D blue, G red, penalty green)
        for (int rgb : new int[] {0x1f77b4, 0xd62728, 0x2ca02c}) {
            assertTrue(countColour(image, rgb) > 50, Integer.toHexString(rgb));
        }
        assertThrows(IllegalArgumentException.class, () -> RunExports.curves(run, tmp.resolve("curves.gif")));
    }

    @Test
    void aLongRunIsDecimatedNotSlow() throws IOException {
        List<MetricsRow> rows = new java.util.ArrayList<>();
        for (int s = 1; s <= 200_000; s++) {
            rows.add(new MetricsRow(s, s, Math.sin(s * 0.001) + (s == 123_456 ? 5 : 0), 0.7, Double.NaN, 0.5, 0.5, 1, 3));
        }
        long t0 = System.nanoTime();
        BufferedImage image = LossCurvePlot.render(rows, 640, 320, "long");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 5, "took " + seconds + " s");
        assertEquals(640, image.getWidth());
        assertTrue(countColour(image, 0x1f77b4) > 100);
    }

    @Test
    void gridIsTheNewestOrTheChosenStep() throws IOException {
        RunFolder run = run(30, false);
        Path newest = tmp.resolve("grid.png");
        assertEquals(30, RunExports.grid(run, null, newest));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(run.sampleFile(30)), Files.readAllBytes(newest)));
        Path chosen = tmp.resolve("grid10.png");
        assertEquals(10, RunExports.grid(run, 10L, chosen));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(run.sampleFile(10)), Files.readAllBytes(chosen)));
        IOException missing = assertThrows(IOException.class, () -> RunExports.grid(run, 15L, tmp.resolve("x.png")));
        assertTrue(missing.getMessage().contains("no grid of step 15"), missing.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x.png")));
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
