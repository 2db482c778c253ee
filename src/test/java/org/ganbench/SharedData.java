package org.ganbench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The read-only shared test images next to the project ({@code ../shared/data}). Tests that need them are skipped
 * on a machine without them, except on CI (CI=true), where their absence is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code ../shared/data/<relative>}, or the test is skipped (failed on CI) when it is missing. */
    public static Path path(String relative) {
        Path base = Path.of(System.getProperty("ganbench.shared", "../shared")).resolve("data");
        Path p = base.resolve(relative).normalize();
        if (!Files.exists(p)) {
            String msg = "shared test data missing: " + p.toAbsolutePath();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }

    /** The genuine lbpcascade_animeface.xml. */
    public static Path cascade() {
        return path("lbpcascade_animeface.xml");
    }
}
