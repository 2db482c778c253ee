package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTrainCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GanBenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void printsSecondsPerStepAndImagesPerSecond() {
        String[] r = run("bench", "train", "--algo", "dragan", "--ch", "8", "--batch", "2", "--steps", "1",
                "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].matches("(?s)dragan batch 2 ch 8 on .*: \\d+\\.\\d{3} s/step, \\d+\\.\\d images/s .*"), r[1]);
    }

    @Test
    void profilePrintsPerLayerRowsAndTheSgemmComparison() {
        String[] r = run("bench", "train", "--algo", "sngan", "--ch", "8", "--batch", "2", "--steps", "1",
                "--warmup", "0", "--profile");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("| D | forward | conv + bias | 3->1 k3 s1 64->64 |"), r[1]);
        assertTrue(r[1].contains("| D power iteration: spectral norm |"), r[1]);
        assertTrue(r[1].matches("(?s).*float32 sgemm 2048x2048 in this process \\d+\\.\\d GFLOP/s.*"), r[1]);
    }

    @Test
    void bfloat16RunsWhereTheCpuHasItAndSaysSoElsewhere() {
        String[] r = run("bench", "train", "--algo", "dragan", "--ch", "8", "--batch", "2", "--steps", "1",
                "--warmup", "0", "--precision", "bf16");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("bf16 convolutions") || r[2].contains("running float32"), r[1] + r[2]);
        String[] bad = run("bench", "train", "--precision", "fp8");
        assertNotEquals("0", bad[0]);
        assertTrue(bad[2].contains("unknown precision 'fp8': use f32 or bf16"), bad[2]);
    }

    @Test
    void unknownAlgorithmIsAClearError() {
        String[] r = run("bench", "train", "--algo", "wgan");
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("unknown algorithm 'wgan'"), r[2]);
    }
}
