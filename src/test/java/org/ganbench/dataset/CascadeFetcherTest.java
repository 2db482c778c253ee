package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ganbench.SharedData;
import org.ganbench.common.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a local server on 127.0.0.1 serving the genuine file, a corrupted one, and nothing. */
class CascadeFetcherTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private byte[] genuine;

    @BeforeEach
    void serve() throws IOException {
        genuine = Files.readAllBytes(SharedData.cascade());
        byte[] corrupted = genuine.clone();
        corrupted[corrupted.length / 2] ^= 1;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.xml", ex -> respond(ex, 200, genuine));
        server.createContext("/corrupt.xml", ex -> respond(ex, 200, corrupted));
        server.createContext("/missing.xml", ex -> respond(ex, 404, "no".getBytes()));
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CascadeFetcher fetcher(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new CascadeFetcher(HttpClient.newHttpClient(), uri, CascadeFetcher.GENUINE_SHA256);
    }

    @Test
    void theSharedCascadeIsTheGenuineOne() throws IOException {
        assertEquals(CascadeFetcher.GENUINE_SHA256, Sha256.hex(genuine));
    }

    @Test
    void genuineDownloadIsInstalled() throws IOException {
        Path target = tmp.resolve("cache/ganbench/lbpcascade_animeface.xml");
        fetcher("/good.xml").fetchInto(target);
        assertArrayEquals(genuine, Files.readAllBytes(target));
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(1, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void corruptedDownloadIsRefusedAndLeavesTheOldFileAlone() throws IOException {
        Path target = tmp.resolve("lbpcascade_animeface.xml");
        Files.writeString(target, "previous");
        IOException e = assertThrows(IOException.class, () -> fetcher("/corrupt.xml").fetchInto(target));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertEquals("previous", Files.readString(target));
        Path fresh = tmp.resolve("fresh/lbpcascade_animeface.xml");
        assertThrows(IOException.class, () -> fetcher("/corrupt.xml").fetchInto(fresh));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void httpErrorIsReported() {
        IOException e = assertThrows(IOException.class,
                () -> fetcher("/missing.xml").fetchInto(tmp.resolve("x.xml")));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }
}
