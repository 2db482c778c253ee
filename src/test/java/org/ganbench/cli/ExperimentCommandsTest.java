package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ganbench.TestImages;
import org.ganbench.train.RunFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code experiment}, {@code report} and {@code export} on a workspace in a temporary folder. */
class ExperimentCommandsTest {
    @TempDir
    Path workspace;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void useTemporaryWorkspace() {
        System.setProperty("ganbench.home", workspace.toString());
    }

    @AfterEach
    void restoreWorkspace() {
        System.clearProperty("ganbench.home");
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = GanBenchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void experimentTrainsEvaluatesAndReportsThenRunsExport() throws IOException {
        for (int i = 0; i < 12; i++) {
            TestImages.writeFace(workspace.resolve("datasets/tiny/faces/f" + i + ".png"), 64, 64, i);
        }
        assertEquals(0, cli("experiment", "--algos", "sngan", "--datasets", "tiny", "--steps", "2", "--ch", "16",
                "--batch", "4", "--eval-n", "32", "--name", "e1"), err::toString);
        Path exp = workspace.resolve("experiments/e1");
        assertTrue(out.toString().contains("SNGAN on tiny: done"), out::toString);
        assertTrue(Files.isRegularFile(exp.resolve("report.png")) && Files.isRegularFile(exp.resolve("report.html")));

        Files.delete(exp.resolve("report.png"));
        assertEquals(0, cli("report", "e1"), err::toString);
        assertTrue(Files.isRegularFile(exp.resolve("report.png")), "report rewritten");

        Path run = exp.resolve("runs/sngan-tiny");
        Path grid = workspace.resolve("grid.png");
        assertEquals(0, cli("export", "grid", run.toString(), "--out", grid.toString()), err::toString);
        assertTrue(out.toString().contains("grid of step 2"), out::toString);
        assertEquals(ImageIO.read(new RunFolder(run).sampleFile(2).toFile()).getWidth(),
                ImageIO.read(grid.toFile()).getWidth());
        Path csv = workspace.resolve("curves.csv");
        assertEquals(0, cli("export", "curves", run.toString(), "--out", csv.toString()), err::toString);
        assertEquals(Files.readString(run.resolve("metrics.csv")), Files.readString(csv));
        assertEquals(1, cli("export", "grid", run.toString(), "--step", "7", "--out", grid.toString()));
        assertTrue(err.toString().contains("no grid of step 7"), err::toString);

        // Resuming a finished experiment has nothing left to do and says where the report is.
        assertEquals(0, cli("experiment", "--resume", "e1"), err::toString);
        assertTrue(out.toString().contains("report: "), out::toString);
    }

    @Test
    void badInputGivesAClearMessageAndWritesNothing() {
        assertEquals(1, cli("experiment", "--algos", "sngan", "--datasets", "missing", "--steps", "2"));
        assertTrue(err.toString().contains("dataset not found"), err::toString);
        assertTrue(Files.notExists(workspace.resolve("experiments")), "no experiment folder for a refused plan");
        assertEquals(2, cli("experiment", "--algos", "wgan", "--datasets", "x", "--steps", "2"));
        assertEquals(1, cli("experiment", "--resume", "nothing"));
        assertTrue(err.toString().contains("not an experiment folder"), err::toString);
        assertEquals(1, cli("report", "nothing"));
    }
}
