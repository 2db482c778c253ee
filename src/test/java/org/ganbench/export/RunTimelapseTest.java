package org.ganbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.ganbench.TestImages;
import org.ganbench.common.CancellationToken;
import org.ganbench.train.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timelapses of a run folder's grids: one frame per grid, in order, labelled, as GIF and as H.264 MP4. */
class RunTimelapseTest {
    private static final int GRIDS = 7;
    @TempDir
    Path tmp;
    private RunFolder run;
    private final List<Long> reported = new ArrayList<>();

    /** A run folder with 7 distinct 5x5 grids (332 x 332) at steps 100, 200, ... */
    @BeforeEach
    void grids() throws Exception {
        run = new RunFolder(tmp.resolve("run"));
        for (int i = 1; i <= GRIDS; i++) {
            TestImages.writeGrid(run.sampleFile(100L * i), i);
        }
    }

    @Test
    void gifHasOneLabelledFramePerGridInStepOrder() throws Exception {
        Path gif = tmp.resolve("out/run.gif");
        assertEquals(GRIDS, RunTimelapse.write(run, gif, 10, (d, t, m) -> reported.add(d), new CancellationToken()));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(GRIDS, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(332, first.getWidth());
            assertEquals(332 + RunTimelapse.LABEL_BAND, first.getHeight());
            // each frame shows its own grid: frame 3 is nearer to grid 4 than to grid 5
            BufferedImage grid4 = ImageIO.read(run.sampleFile(400).toFile());
            BufferedImage grid5 = ImageIO.read(run.sampleFile(500).toFile());
            BufferedImage frame = reader.read(3);
            assertTrue(distance(frame, grid4) < distance(frame, grid5) / 4, "frames in step order");
            assertTrue(hasDarkPixels(frame), "the step label is drawn in the band above the grid");
        } finally {
            reader.dispose();
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), reported);
    }

    @Test
    void mp4DecodesToOneFramePerGridAtTheGridsSize() throws Exception {
        Path mp4 = tmp.resolve("run.mp4");
        assertEquals(GRIDS, RunTimelapse.write(run, mp4, 5, (d, t, m) -> { }, new CancellationToken()));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            assertEquals(avcodec.AV_CODEC_ID_H264, grabber.getVideoCodec());
            assertEquals(332, grabber.getImageWidth());
            assertEquals(332 + RunTimelapse.LABEL_BAND, grabber.getImageHeight());
            assertEquals(5.0, grabber.getFrameRate(), 0.01);
            int frames = 0;
            BufferedImage fourth = null;
            for (Frame f = grabber.grabImage(); f != null; f = grabber.grabImage()) {
                if (frames == 3) {
                    fourth = converter.convert(f);
                }
                frames++;
            }
            grabber.stop();
            assertEquals(GRIDS, frames);
            BufferedImage grid4 = ImageIO.read(run.sampleFile(400).toFile());
            BufferedImage grid5 = ImageIO.read(run.sampleFile(500).toFile());
            assertTrue(distance(fourth, grid4) < distance(fourth, grid5) / 2, "decoded frames in step order");
        }
    }

    @Test
    void refusesARunWithoutGridsAnUnknownFormatAndStopsWhenCancelled() throws Exception {
        RunFolder empty = new RunFolder(tmp.resolve("empty"));
        var e = assertThrows(java.io.IOException.class, () -> RunTimelapse.write(empty, tmp.resolve("e.gif"), 10,
                (d, t, m) -> { }, new CancellationToken()));
        assertTrue(e.getMessage().contains("no sample grids"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> RunTimelapse.write(run, tmp.resolve("x.avi"),
                10, (d, t, m) -> { }, new CancellationToken()));
        assertTrue(bad.getMessage().contains(".mp4 or .gif"), bad.getMessage());
        CancellationToken cancel = new CancellationToken();
        Path gif = tmp.resolve("cancelled.gif");
        assertThrows(CancellationException.class, () -> RunTimelapse.write(run, gif, 10, (d, t, m) -> {
            if (d == 2) {
                cancel.cancel();
            }
        }, cancel));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("cancelled")),
                    "no file, not even a temporary one, is left behind");
        }
    }

    /** Mean absolute RGB difference of the grid area of a frame (below the label band) and a grid. */
    private static double distance(BufferedImage frame, BufferedImage grid) {
        long sum = 0;
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < grid.getWidth(); x++) {
                int a = frame.getRGB(x, y + RunTimelapse.LABEL_BAND);
                int b = grid.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                }
            }
        }
        return (double) sum / (grid.getWidth() * grid.getHeight() * 3);
    }

    private static boolean hasDarkPixels(BufferedImage frame) {
        for (int y = 0; y < RunTimelapse.LABEL_BAND; y++) {
            for (int x = 0; x < 80; x++) {
                if ((frame.getRGB(x, y) & 0xff) < 64) {
                    return true;
                }
            }
        }
        return false;
    }
}
