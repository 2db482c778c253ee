package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.TestImages;
import org.ganbench.common.Images;
import org.ganbench.eval.Evaluation;
import org.ganbench.train.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * sample and eval run on a tiny run that the real engine trained through the command line (SNGAN, width 16, 4 steps,
 * a checkpoint and a grid every 2).
 */
class RunCommandsTest {
    @TempDir
    static Path shared;
    private static Path run;
    private static Path faces;

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainATinyRun() throws IOException {
        faces = shared.resolve("faces");
        for (int i = 0; i < 24; i++) {
            TestImages.writeFace(faces.resolve("face" + i + ".png"), 40 + i, 50 + 2 * i, i);
        }
        run = shared.resolve("run");
        StringWriter log = new StringWriter();
        CommandLine cli = GanBenchCli.commandLine();
        cli.setOut(new PrintWriter(log, true));
        cli.setErr(new PrintWriter(log, true));
        assertEquals(0, cli.execute("train", "--dataset", faces.toString(), "--algo", "sngan", "--steps", "4",
                "--batch", "4", "--ch", "16", "--seed", "3", "--sample-every", "2", "--checkpoint-every", "2",
                "--ema-decay", "0.9", "--run-dir", run.toString()), log::toString);
    }

    @Test
    void sampleRedrawsTheRunsGridsFromTheNewestOrAChosenCheckpoint() throws Exception {
        RunFolder folder = RunFolder.open(run);
        Path newest = tmp.resolve("newest.png");
        assertEquals(0, cli("sample", run.toString(), "--out", newest.toString()), err::toString);
        assertTrue(out.toString().contains("25 images of step 4 in "), out::toString);
        // the default noise is the run's fixed noise: 25 samples repeat the run's grid of that step
        assertArrayEquals(pixels(folder.sampleFile(4)), pixels(newest));

        Path second = tmp.resolve("step2.png");
        assertEquals(0, cli("sample", run.toString(), "--checkpoint", "2", "--out", second.toString()), err::toString);
        assertArrayEquals(pixels(folder.sampleFile(2)), pixels(second));
        assertFalse(java.util.Arrays.equals(pixels(newest), pixels(second)), "both checkpoints gave the same G");
    }

    @Test
    void rawSamplesAndEvaluatesGAsTrainedBesideTheWeightAverage() throws Exception {
        Path averaged = tmp.resolve("averaged.png");
        Path raw = tmp.resolve("raw.png");
        assertEquals(0, cli("sample", run.toString(), "--out", averaged.toString()), err::toString);
        assertEquals(0, cli("sample", run.toString(), "--raw", "--out", raw.toString()), err::toString);
        assertFalse(java.util.Arrays.equals(pixels(averaged), pixels(raw)), "--raw sampled the average");

        assertEquals(0, cli("eval", "run", run.toString(), "--raw", "--n", "8", "--threads", "1"), err::toString);
        JsonNode report = new ObjectMapper().readTree(run.resolve("eval-raw").resolve(Evaluation.JSON).toFile());
        assertEquals("as trained", report.get("generator").asText());
        assertTrue(out.toString().contains("(as trained)"), out::toString);
    }

    @Test
    void sampleWritesSingleImages() throws Exception {
        Path singles = tmp.resolve("singles");
        assertEquals(0, cli("sample", run.toString(), "--n", "7", "--seed", "9", "--out-dir", singles.toString()),
                err::toString);
        try (Stream<Path> files = Files.list(singles)) {
            List<Path> pngs = files.sorted().toList();
            assertEquals(7, pngs.size());
            assertEquals("sample_00006.png", pngs.get(6).getFileName().toString());
            assertEquals(64, ImageIO.read(pngs.get(0).toFile()).getWidth());
        }
    }

    @Test
    void sampleRefusesAMissingCheckpointAndAnUnwritableFolderClearly() throws Exception {
        assertEquals(1, cli("sample", run.toString(), "--checkpoint", "3", "--out", tmp.resolve("x.png").toString()));
        assertTrue(err.toString().contains("no checkpoint of step 3") && err.toString().contains("[2, 4]"),
                err::toString);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(1, cli("sample", run.toString(), "--out-dir", file.resolve("sub").toString()));
        assertTrue(err.toString().contains(file.resolve("sub") + ": Not a directory"), err::toString);
        assertEquals("no such file or folder: /x/y", GanBenchCli.describe(new java.nio.file.NoSuchFileException("/x/y")));
    }

    @Test
    void evalRunWritesEveryMetricOfTheNewestOrAChosenCheckpoint() throws Exception {
        assertEquals(0, cli("eval", "run", run.toString(), "--n", "16", "--seed", "1", "--threads", "1"),
                err::toString);
        Path evalDir = run.resolve("eval");
        JsonNode report = new ObjectMapper().readTree(evalDir.resolve(Evaluation.JSON).toFile());
        assertEquals(RunFolder.open(run).dir().toString(), report.get("run").asText());
        assertEquals(4, report.get("checkpoint_step").asLong());
        assertEquals("weight average (EMA 0.9)", report.get("generator").asText());
        assertEquals(faces.toString(), report.get("real_dir").asText());
        assertEquals(16, report.get("generated_faces").asInt());
        assertEquals(16, report.get("swd").get("images").asInt());
        assertTrue(report.get("swd").get("mean").asDouble() > 0);
        assertEquals(16, report.get("ms_ssim").get("generated").get("images").asInt());
        assertTrue(report.get("random_features").get("frechet_distance").asDouble() > 0);
        assertEquals(16, report.get("memorisation").get("generated").asInt());
        assertTrue(report.get("birthday").get("closest_generated_pair").isNumber());
        assertTrue(Files.isRegularFile(evalDir.resolve(Evaluation.NEAREST_PNG)));
        assertTrue(Files.isRegularFile(evalDir.resolve(Evaluation.BIRTHDAY_PNG)));
        assertTrue(out.toString().contains("checkpoint_step 4"), out::toString);
        assertTrue(out.toString().contains("swd_mean "), out::toString);

        Path other = tmp.resolve("other");
        for (int i = 0; i < 12; i++) {
            TestImages.writeFace(other.resolve("o" + i + ".png"), 64, 64, 100 + i);
        }
        assertEquals(0, cli("eval", "run", run.toString(), "--n", "12", "--checkpoint", "2", "--vs", other.toString()),
                err::toString);
        report = new ObjectMapper().readTree(evalDir.resolve(Evaluation.JSON).toFile());
        assertEquals(2, report.get("checkpoint_step").asLong());
        assertEquals(other.toString(), report.get("real_dir").asText());
        assertEquals(12, report.get("real_faces").asInt());
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
