package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganbench.common.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The separation warning in the run's files: written on raise and clear only, cut back on resume. */
class HealthLogTest {
    @TempDir
    Path run;

    @Test
    void recordsASustainedSeparationAndItsEndAndForgetsStepsAfterTheResumedCheckpoint() throws Exception {
        Path file = run.resolve("health.csv");
        HealthLog log = new HealthLog(file, 0);
        for (long step = 1; step <= 500; step++) {
            log.accept(step, 0.6, 0.4);
        }
        assertFalse(Files.exists(file), "a healthy run writes nothing");
        for (long step = 501; step <= 1600; step++) {
            log.accept(step, 0.99, 0.01);
        }
        log.accept(1601, 0.5, 0.45);
        List<List<String>> rows = Csv.parse(Files.readString(file));
        assertEquals(HealthLog.HEADER, rows.get(0));
        assertEquals(List.of("1501", "separated"), rows.get(1).subList(0, 2), "1,000 steps after step 501");
        assertTrue(rows.get(1).get(2).contains("since step 501"), rows.get(1).get(2));
        assertEquals(List.of("1601", "recovered"), rows.get(2).subList(0, 2));

        new HealthLog(file, 1550);
        List<List<String>> resumed = Csv.parse(Files.readString(file));
        assertEquals(2, resumed.size(), "the recovery after the checkpoint is dropped: " + resumed);
    }
}
