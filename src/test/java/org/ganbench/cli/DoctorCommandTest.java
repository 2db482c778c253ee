package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ganbench.common.Versions;
import org.ganbench.model.ComputeEnvironment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {
    private final StringWriter out = new StringWriter();

    @Test
    void doctorPrintsTheComputeEnvironment() {
        assertEquals(0, run("doctor"));
        assertEquals(ComputeEnvironment.report() + System.lineSeparator(), out.toString());
    }

    @Test
    void versionIsOneLineAndVerboseAddsTheDoctorsReport() {
        assertEquals(0, run("--version"));
        assertEquals("GanBench " + Versions.ganbench() + System.lineSeparator(), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--version", "--verbose"));
        String verbose = out.toString();
        assertTrue(verbose.startsWith("GanBench " + Versions.ganbench() + System.lineSeparator() + "GanBench:"), verbose);
        assertTrue(verbose.contains(System.lineSeparator() + "Backend:"), verbose);
        assertTrue(verbose.contains(System.lineSeparator() + "CPU:"), verbose);
    }

    private int run(String... args) {
        CommandLine cli = GanBenchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
