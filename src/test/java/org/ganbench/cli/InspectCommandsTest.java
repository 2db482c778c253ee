package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.TinyRun;
import org.ganbench.common.Images;
import org.ganbench.train.GeneratedImages;
import org.ganbench.inspect.LatentStrip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** interpolate, walk and timelapse on a tiny run the real engine trained. */
class InspectCommandsTest {
    @TempDir
    static Path shared;
    private static Path run;

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainATinyRun() throws Exception {
        run = TinyRun.train(shared.resolve("run"));
    }

    @Test
    void interpolateWritesTheStripAndItsTilesWhoseEndsAreTheSeedsSamples() throws Exception {
        Path strip = tmp.resolve("strip.png");
        Path tiles = tmp.resolve("tiles");
        assertEquals(0, cli("interpolate", run.toString(), "--checkpoint", "2", "--rows", "2", "--steps", "4",
                "--seed", "9", "--out", strip.toString(), "--raw-dir", tiles.toString()), err::toString);
        assertTrue(out.toString().contains("2 x 4 images of step 2 in " + strip), out::toString);
        BufferedImage image = ImageIO.read(strip.toFile());
        int gap = GeneratedImages.GRID_GAP;
        assertEquals(4 * 64 + 5 * gap, image.getWidth());
        assertEquals(2 * 64 + 3 * gap, image.getHeight());
        try (Stream<Path> files = Files.list(tiles)) {
            assertEquals(8, files.count());
        }
        Path samples = tmp.resolve("samples");
        assertEquals(0, cli("sample", run.toString(), "--checkpoint", "2", "--n", "4", "--seed", "9", "--out-dir",
                samples.toString()), err::toString);
        // row 1 runs from sample 2 to sample 3 of the seed
        assertArrayEquals(pixels(samples.resolve("sample_00002.png")), pixels(tiles.resolve(LatentStrip.tileName(1, 0))));
        assertArrayEquals(pixels(samples.resolve("sample_00003.png")), pixels(tiles.resolve(LatentStrip.tileName(1, 3))));
    }

    @Test
    void walkStartsEachRowAtASampleOfTheSeed() throws Exception {
        Path walk = tmp.resolve("walk.png");
        Path tiles = tmp.resolve("tiles");
        assertEquals(0, cli("walk", run.toString(), "--rows", "3", "--steps", "5", "--step-size", "2",
                "--direction-between", "0,1", "--out", walk.toString(), "--raw-dir", tiles.toString()), err::toString);
        assertTrue(out.toString().contains("3 x 5 images of step 4"), out::toString);
        assertEquals(5 * 64 + 6 * GeneratedImages.GRID_GAP, ImageIO.read(walk.toFile()).getWidth());
        // without --seed the bases are the run's own noise: the first tiles of the run's newest grid
        Path grid = tmp.resolve("grid.png");
        assertEquals(0, cli("sample", run.toString(), "--n", "3", "--out-dir", grid.toString()), err::toString);
        assertArrayEquals(pixels(grid.resolve("sample_00002.png")), pixels(tiles.resolve(LatentStrip.tileName(2, 0))));
    }

    @Test
    void refusesARunWithoutCheckpointsAndBadOptionsClearly() throws Exception {
        Path empty = tmp.resolve("empty-run");
        Files.createDirectories(empty);
        Files.copy(run.resolve("config.json"), empty.resolve("config.json"));
        assertEquals(1, cli("interpolate", empty.toString(), "--out", tmp.resolve("x.png").toString()));
        assertTrue(err.toString().contains("the run has no checkpoint yet"), err::toString);
        assertEquals(1, cli("walk", run.toString(), "--direction-between", "2,2", "--out",
                tmp.resolve("y.png").toString()));
        assertTrue(err.toString().contains("give no direction"), err::toString);
        assertEquals(1, cli("walk", run.toString(), "--direction-between", "2", "--out",
                tmp.resolve("y.png").toString()));
        assertTrue(err.toString().contains("two sample numbers, e.g. 0,3, not '2'"), err::toString);
        assertEquals(1, cli("interpolate", run.toString(), "--steps", "1", "--out", tmp.resolve("z.png").toString()));
        assertTrue(err.toString().contains("at least 2 steps"), err::toString);
        assertTrue(Files.notExists(tmp.resolve("x.png")) && Files.notExists(tmp.resolve("z.png")));
    }

    @Test
    void timelapseWritesOneFramePerGridOfTheRun() throws Exception {
        Path gif = tmp.resolve("run.gif");
        assertEquals(0, cli("timelapse", run.toString(), "--out", gif.toString(), "--fps", "4"), err::toString);
        assertTrue(out.toString().contains("3 frames at 4 fps in " + gif), out::toString);
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "the tiny run saved grids at steps 0 (untrained), 2 and 4");
        } finally {
            reader.dispose();
        }
        assertEquals(1, cli("timelapse", run.toString(), "--out", tmp.resolve("run.avi").toString()));
        assertTrue(err.toString().contains("written as .mp4 or .gif"), err::toString);
    }

    private static byte[] pixels(Path png) throws IOException {
        return Images.toRgb(ImageIO.read(png.toFile()));
    }

    private int cli(String... args) {
        CommandLine cli = GanBenchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
