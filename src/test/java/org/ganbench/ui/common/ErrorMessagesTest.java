package org.ganbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** An exception in the user's words: its chain said once, files and networks in words, no class names. */
class ErrorMessagesTest {
    @Test
    void theCauseChainIsSaidOnceWithoutClassNames() {
        IOException disk = new IOException("disk full");
        assertEquals("Could not write the grid: disk full",
                ErrorMessages.of(new IOException("Could not write the grid", new RuntimeException(disk))));
        assertEquals("disk full", ErrorMessages.of(new UncheckedIOException(disk)));
        assertEquals("disk full", ErrorMessages.of(new RuntimeException(disk)), "a wrapper saying its cause's name");
    }

    @Test
    void filesAndNetworksInWords() {
        assertEquals("/data/a.png does not exist",
                ErrorMessages.of(new NoSuchFileException("/data/a.png")));
        assertEquals("Cannot save: no permission to use /root/x",
                ErrorMessages.of(new IOException("Cannot save", new AccessDeniedException("/root/x"))));
        assertEquals("could not reach github.com (no network connection)",
                ErrorMessages.of(new IOException("java.net.UnknownHostException: github.com",
                        new UnknownHostException("github.com"))));
    }

    @Test
    void anExceptionWithoutAMessageStillSaysSomething() {
        assertEquals("an unexpected internal error (NullPointerException); the log has the details",
                ErrorMessages.of(new NullPointerException()));
    }
}
