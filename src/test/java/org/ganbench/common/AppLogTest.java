package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AppLogTest {
    @TempDir
    Path tmp;

    @Test
    void logsLiveUnderXdgStateHomeElseLocalState() {
        Path home = tmp.resolve("home");
        assertEquals(tmp.resolve("state/ganbench/logs"),
                AppLog.directory(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), home));
        assertEquals(home.resolve(".local/state/ganbench/logs"), AppLog.directory(Map.of(), home));
        assertEquals(home.resolve(".local/state/ganbench/logs"),
                AppLog.directory(Map.of("XDG_STATE_HOME", "relative/is/ignored"), home));
    }

    @Test
    void slf4jMessagesReachTheFileWithTheirStackTrace() throws IOException {
        Path dir = tmp.resolve("logs");
        Logger jul = Logger.getLogger("org.ganbench.applogtest.slf4j");
        FileHandler handler = AppLog.fileHandler(dir, AppLog.FILE_LIMIT_BYTES, AppLog.FILE_COUNT);
        jul.setUseParentHandlers(false);
        jul.addHandler(handler);
        try {
            LoggerFactory.getLogger("org.ganbench.applogtest.slf4j")
                    .warn("could not reach github.com", new IOException("no route to host"));
            LoggerFactory.getLogger("org.ganbench.applogtest.slf4j").debug("below INFO, not kept");
        } finally {
            jul.removeHandler(handler);
            handler.close();
        }
        String text = Files.readString(dir.resolve("ganbench-0.log"), StandardCharsets.UTF_8);
        assertTrue(text.contains("WARNING org.ganbench.applogtest.slf4j: could not reach github.com"), text);
        assertTrue(text.contains("java.io.IOException: no route to host"), text);
        assertFalse(text.contains("not kept"), text);
    }

    @Test
    void fullFilesRotateAndTheOldestIsDropped() throws IOException {
        Path dir = tmp.resolve("logs");
        Logger jul = Logger.getLogger("org.ganbench.applogtest.rotation");
        FileHandler handler = AppLog.fileHandler(dir, 1_000, 3);
        jul.setUseParentHandlers(false);
        jul.addHandler(handler);
        try {
            for (int i = 0; i < 100; i++) {
                jul.info("line " + i + " of a long session, padded to make the files fill up quickly");
            }
        } finally {
            jul.removeHandler(handler);
            handler.close();
        }
        for (int g = 0; g < 3; g++) {
            Path file = dir.resolve("ganbench-" + g + ".log");
            assertTrue(Files.size(file) > 0 && Files.size(file) <= 1_000 + 200, file + ": " + Files.size(file));
        }
        assertFalse(Files.exists(dir.resolve("ganbench-3.log")));
        assertTrue(Files.readString(dir.resolve("ganbench-0.log")).contains("line 99 "));
    }
}
