package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFiguresTest {
    @TempDir
    Path dir;

    @Test
    void flattensNestedFiguresInFileOrder() throws IOException {
        Path f = dir.resolve("eval.json");
        Files.writeString(f, "{\"step\": 20000, \"swd\": {\"mean\": 0.0123456, \"per_level\": [1.5, 2, 3]},"
                + " \"ms_ssim\": 0.21, \"note\": \"ok\", \"samples\": [{\"a\":1}]}");
        Map<String, String> m = EvalFigures.read(f);
        assertEquals(List.of("step", "swd.mean", "swd.per_level", "ms_ssim", "note"), List.copyOf(m.keySet()));
        assertEquals("20000", m.get("step"));
        assertEquals("0.01235", m.get("swd.mean"));
        assertEquals("1.500, 2, 3", m.get("swd.per_level"));
    }

    @Test
    void missingFileIsNoFiguresAndBrokenFileIsAClearError() throws IOException {
        assertTrue(EvalFigures.read(dir.resolve("none.json")).isEmpty());
        Files.writeString(dir.resolve("bad.json"), "{\"swd\": ");
        IOException e = assertThrows(IOException.class, () -> EvalFigures.read(dir.resolve("bad.json")));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
}
