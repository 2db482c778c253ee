package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GanBenchCliTest {
    /** The project's version as the pom declares it: the one place it is written. */
    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>ganbench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no project version in pom.xml");
        return m.group(1);
    }

    @Test
    void versionIsThePomsVersion() throws IOException {
        CommandLine cli = GanBenchCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--version"));
        assertEquals("GanBench " + pomVersion(), out.toString().strip());
    }
}
