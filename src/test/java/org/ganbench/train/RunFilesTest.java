package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path run;

    @Test
    void listsSampleGridsByStepIgnoringOtherFiles() throws IOException {
        assertTrue(RunFiles.samples(run).isEmpty());
        assertFalse(RunFiles.isRun(run));
        Files.createDirectories(run.resolve("samples"));
        for (String n : List.of("step_001000.png", "step_000500.png", "step_1000000.png", "step_12.png",
                ".step_002000.png.123.tmp", "notes.txt")) {
            Files.writeString(run.resolve("samples").resolve(n), "");
        }
        assertEquals(List.of(500L, 1000L, 1000000L), List.copyOf(RunFiles.samples(run).keySet()));
        assertTrue(RunFiles.isRun(run));
    }

    @Test
    void configuredStepsComesFromConfigJsonWhenPresent() throws IOException {
        assertEquals(OptionalLong.empty(), RunFiles.configuredSteps(run));
        Files.writeString(run.resolve("config.json"), "{\"algorithm\":\"DRAGAN\",\"steps\":20000}");
        assertEquals(OptionalLong.of(20000), RunFiles.configuredSteps(run));
        Files.writeString(run.resolve("config.json"), "{\"algorithm\":\"DRAGAN\"");
        assertEquals(OptionalLong.empty(), RunFiles.configuredSteps(run), "half-written config");
    }
}
