package org.ganbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.Sha256;

/**
 * Downloads lbpcascade_animeface.xml and installs it only when its SHA-256 is the genuine file's, atomically, so
 * that a failed or tampered download never leaves a cascade behind.
 */
public final class CascadeFetcher {
    public static final URI CANONICAL_SOURCE =
            URI.create("https://raw.githubusercontent.com/nagadomi/lbpcascade_animeface/master/lbpcascade_animeface.xml");
    /** SHA-256 of the genuine cascade (commit 4433ab1 of nagadomi/lbpcascade_animeface). */
    public static final String GENUINE_SHA256 = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";
    // The genuine file is 247 kB; anything far larger is not it, and must not fill memory.
    private static final int MAX_BYTES = 8 << 20;

    private final HttpClient client;
    private final URI source;
    private final String expectedSha256;

    public CascadeFetcher(HttpClient client, URI source, String expectedSha256) {
        this.client = client;
        this.source = source;
        this.expectedSha256 = expectedSha256;
    }

    /** The fetcher of the genuine cascade from its canonical address. */
    public static CascadeFetcher canonical() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        return new CascadeFetcher(client, CANONICAL_SOURCE, GENUINE_SHA256);
    }

    /** Downloads into {@code target} (replacing it only on success) and returns it. */
    public Path fetchInto(Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + source + " interrupted", e);
        } catch (IOException e) {
            throw new IOException("could not download " + source + ": " + e, e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("could not download " + source + ": HTTP " + response.statusCode());
            }
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new IOException("download from " + source + " is larger than " + MAX_BYTES + " bytes: not the cascade");
        }
        String actual = Sha256.hex(body);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IOException("downloaded file from " + source + " has SHA-256 " + actual + ", expected "
                    + expectedSha256 + ": not installed");
        }
        AtomicFiles.write(target, out -> out.write(body));
        return target;
    }
}
