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
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ganbench.common.Images;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.Preset;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunStatus;
import org.ganbench.train.ToyGan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The train and resume commands, wired to the small test engine in place of TrainableGans.create (sample: RunCommandsTest). */
class TrainingCommandsTest {
    @TempDir
    Path tmp;
    private Path dataset;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void oddSizedImages() throws IOException {
        dataset = tmp.resolve("illustrations");
        Random random = new Random(3);
        for (int i = 0; i < 11; i++) {
            BufferedImage image = new BufferedImage(13 + i, 9 + 2 * i, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            Images.writePng(image, dataset.resolve("sub").resolve("img" + i + ".png"));
        }
    }

    @Test
    void trainWritesARunWithAProgressLine() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, cli("train", "--dataset", dataset.toString(), "--algo", "sngan", "--steps", "6", "--batch", "4",
                "--ch", "8", "--seed", "5", "--sample-every", "3", "--checkpoint-every", "4", "--run-dir", run.toString()),
                err::toString);
        assertTrue(out.toString().contains("step 6/6  loss_dis "), out::toString);
        assertTrue(out.toString().contains(" steps/s  ETA 0s"), out::toString);
        assertTrue(out.toString().contains("finished at step 6"), out::toString);
        RunFolder folder = RunFolder.open(run);
        assertEquals(6, folder.metrics().size());
        assertTrue(Double.isNaN(folder.metrics().get(0).lossGp()), "SNGAN has no penalty");
        assertTrue(Files.readAllLines(folder.metricsFile()).get(1).matches("1,[^,]+,[^,]+,[^,]+,,.*"), "empty loss_gp cell");
        assertEquals(List.of(0L, 3L, 6L), folder.samples().stream().map(RunFolder.StepFile::step).toList());
        assertEquals(List.of(4L, 6L), folder.checkpoints().stream().map(RunFolder.StepFile::step).toList());
        assertEquals(11, folder.config().datasetFaces());
        assertEquals(5, folder.config().training().seed());
        assertEquals(4, folder.config().training().batch());
        assertEquals(RunStatus.State.FINISHED, folder.status().state());
        assertTrue(Files.isRegularFile(folder.generatorFile()));
    }

    @Test
    void withoutWidthOrBatchTheCommandLineTrainsAtTheWindowsDefaultPreset() throws Exception {
        Path run = tmp.resolve("defaults");
        assertEquals(0, cli("train", "--dataset", dataset.toString(), "--algo", "sngan", "--steps", "1",
                "--run-dir", run.toString()), err::toString);
        TrainingConfig config = RunFolder.open(run).config().training();
        assertEquals(Preset.DEFAULT.ch(), config.ch());
        assertEquals(Preset.DEFAULT.batch(), config.batch());
        cli("train", "--help");
        assertTrue(out.toString().contains("default " + Preset.DEFAULT.ch() + ":")
                && out.toString().contains("default " + Preset.DEFAULT.batch() + ":"), "the help says the defaults");
    }

    @Test
    void resumeTrainsOnToTheNewStepCountAsIfUninterrupted() throws Exception {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        assertEquals(0, train(straight, 10));
        assertEquals(0, train(resumed, 6));
        assertEquals(0, cli("resume", resumed.toString(), "--steps", "10"), err::toString);
        assertTrue(out.toString().contains("resuming at step 6"), out::toString);
        List<MetricsRow> want = RunFolder.open(straight).metrics();
        List<MetricsRow> got = RunFolder.open(resumed).metrics();
        assertEquals(10, got.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(want.get(i).lossDis(), got.get(i).lossDis());
            assertEquals(want.get(i).lossGen(), got.get(i).lossGen());
            assertEquals(want.get(i).gradNormG(), got.get(i).gradNormG());
        }
        assertEquals(10, RunFolder.open(resumed).config().steps());
        assertEquals(1, cli("resume", resumed.toString(), "--steps", "8"));
        assertTrue(err.toString().contains("--steps 8 is below the step the run has reached (10)"), err::toString);
        assertEquals(10, RunFolder.open(resumed).config().steps());
    }

    @Test
    void resumeRefusesADatasetThatChanged() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, train(run, 3));
        Files.copy(dataset.resolve("sub/img0.png"), dataset.resolve("extra.png"));
        assertEquals(1, cli("resume", run.toString(), "--steps", "5"));
        assertTrue(err.toString().contains("changed since the run started"), err::toString);
        assertEquals(3, RunFolder.open(run).metrics().size(), "nothing was trained or lost");
        assertEquals(3, RunFolder.open(run).config().steps());
    }

    @Test
    void trainTakesEveryHyperparameterOfTheWindowsForm() throws Exception {
        Path run = tmp.resolve("tuned");
        assertEquals(0, cli("train", "--dataset", dataset.toString(), "--algo", "dragan", "--steps", "2", "--batch", "3",
                "--ch", "8", "--lr", "3e-4", "--beta1", "0.5", "--beta2", "0.99", "--n-dis", "3", "--lambda", "5",
                "--ema-decay", "0.99", "--run-dir", run.toString()), err::toString);
        var training = RunFolder.open(run).config().training();
        assertEquals(3e-4, training.learningRate());
        assertEquals(0.5, training.beta1());
        assertEquals(0.99, training.beta2());
        assertEquals(3, training.nDis());
        assertEquals(5.0, training.gradientPenalty());
        assertEquals(0.99, training.emaDecay());

        Path defaults = tmp.resolve("defaults");
        assertEquals(0, cli("train", "--dataset", dataset.toString(), "--algo", "sngan", "--steps", "1", "--batch", "3",
                "--ch", "8", "--beta1", "0", "--run-dir", defaults.toString()), err::toString);
        var sngan = RunFolder.open(defaults).config().training();
        assertEquals(0.0, sngan.beta1());
        assertEquals(org.ganbench.train.Algorithm.SNGAN.defaults(8, 3, 0).learningRate(), sngan.learningRate());
    }

    @Test
    void bfloat16IsStoredWhereTheMachineHasItAndSaidToBeUnavailableElsewhere() throws Exception {
        Path run = tmp.resolve("bf16");
        assertEquals(0, cli("train", "--dataset", dataset.toString(), "--algo", "dragan", "--steps", "2", "--batch", "3",
                "--ch", "8", "--precision", "bf16", "--run-dir", run.toString()), err::toString);
        var precision = RunFolder.open(run).config().training().precision();
        if (org.ganbench.model.Bfloat16Convolutions.unavailable().isEmpty()) {
            assertEquals(org.ganbench.train.Precision.BF16, precision);
            assertEquals(2, RunFolder.open(run).metrics().size(), "trained in bfloat16");
        } else {
            assertEquals(org.ganbench.train.Precision.F32, precision);
            assertTrue(err.toString().contains("bfloat16 unavailable ("), err::toString);
        }
    }

    @Test
    void badHyperparametersGiveAClearMessage() {
        String[][] cases = {
                {"--lr", "0", "--lr must be above 0 and below 1"},
                {"--beta1", "1", "--beta1 must be at least 0 and below 1, was 1.0"},
                {"--beta2", "-0.1", "--beta2 must be at least 0 and below 1"},
                {"--n-dis", "0", "--n-dis must be at least 1"},
                {"--lambda", "-1", "--lambda must be 0 or more"},
                {"--lambda", "NaN", "--lambda must be 0 or more"},
                {"--ema-decay", "1", "--ema-decay must be 0 (no average) or above 0 and below 1"},
                {"--precision", "fp8", "unknown precision 'fp8': use f32 or bf16"}};
        for (String[] c : cases) {
            assertEquals(2, cli("train", "--dataset", dataset.toString(), "--algo", "dragan", c[0], c[1]), c[0]);
            assertTrue(err.toString().contains(c[2]), err::toString);
        }
        assertEquals(2, cli("train", "--dataset", dataset.toString(), "--algo", "sngan", "--lambda", "10"));
        assertTrue(err.toString().contains("--lambda is DRAGAN's gradient penalty; sngan has none"), err::toString);
        assertEquals(2, cli("train", "--dataset", dataset.toString(), "--algo", "dragan", "--lr", "fast"));
        assertTrue(err.toString().contains("fast"), err::toString);
    }

    @Test
    void badInputGivesAClearMessage() throws Exception {
        assertEquals(2, cli("train", "--dataset", dataset.toString(), "--algo", "wgan"));
        assertTrue(err.toString().contains("wgan"), err::toString);
        assertEquals(1, cli("train", "--dataset", tmp.resolve("nothing").toString(), "--algo", "dragan"));
        assertTrue(err.toString().contains("dataset not found"), err::toString);
        assertEquals(1, cli("sample", tmp.toString(), "--out", "x.png"));
        assertTrue(err.toString().contains("not a run folder"), err::toString);
        assertEquals(2, cli("sample", tmp.toString()));
    }

    private int train(Path run, int steps) {
        return cli("train", "--dataset", dataset.toString(), "--algo", "dragan", "--steps", String.valueOf(steps),
                "--batch", "3", "--ch", "8", "--sample-every", "2", "--checkpoint-every", "2",
                "--run-dir", run.toString());
    }

    private int cli(String... args) {
        CommandLine cli = ToyCli.commandLine(0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void interruptStopsTrainingWithACheckpointThatResumes() throws Exception {
        Path run = tmp.resolve("interrupted");
        Path log = tmp.resolve("train.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ToyCli.class.getName(), "2",
                "train", "--dataset", dataset.toString(), "--algo", "dragan", "--steps", "1000000", "--batch", "3",
                "--ch", "8", "--sample-every", "1000000", "--checkpoint-every", "1000000", "--run-dir", run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(run.resolve("metrics.csv")) || Files.readAllLines(run.resolve("metrics.csv")).size() < 20) {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, () -> "training did not get going: " + log(log));
                Thread.sleep(20);
            }
            process.destroy(); // SIGTERM runs the shutdown hooks exactly as Ctrl-C's SIGINT does
            assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        RunFolder folder = RunFolder.open(run);
        assertEquals(RunStatus.State.STOPPED, folder.status().state(), () -> log(log));
        long stoppedAt = folder.metrics().size();
        assertEquals(stoppedAt, folder.newestCheckpoint().orElseThrow().step(), "checkpoint at the last step");
        assertTrue(log(log).contains("stopped at step " + stoppedAt), () -> log(log));

        assertEquals(0, cli("resume", run.toString(), "--steps", String.valueOf(stoppedAt + 5)), err::toString);
        assertEquals(stoppedAt + 5, RunFolder.open(run).metrics().size());
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
