package org.ganbench.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where datasets, runs and experiments live: {@code datasets/}, {@code runs/} and {@code experiments/} under the workspace root, which is the
 * {@code ganbench.home} system property, else the {@code GANBENCH_HOME} environment variable, else the current folder.
 */
public record Workspace(Path root) {

    public static Workspace current() {
        String home = System.getProperty("ganbench.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("GANBENCH_HOME");
        }
        return new Workspace(Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize());
    }

    public Path datasets() {
        return root.resolve("datasets");
    }

    public Path runs() {
        return root.resolve("runs");
    }

    public Path experiments() {
        return root.resolve("experiments");
    }

    /** A dataset given by name ({@code datasets/<name>}) or by path (anything with a separator, or an existing folder). */
    public Path dataset(String nameOrDir) {
        return resolve(datasets(), nameOrDir);
    }

    /** A run given by id ({@code runs/<id>}) or by path. */
    public Path run(String idOrDir) {
        return resolve(runs(), idOrDir);
    }

    /** An experiment given by id ({@code experiments/<id>}) or by path. */
    public Path experiment(String idOrDir) {
        return resolve(experiments(), idOrDir);
    }

    private static Path resolve(Path parent, String nameOrDir) {
        Path asPath = Path.of(nameOrDir);
        if (nameOrDir.contains("/") || nameOrDir.contains("\\") || asPath.isAbsolute() || Files.isDirectory(asPath)) {
            return asPath.toAbsolutePath().normalize();
        }
        return parent.resolve(nameOrDir);
    }
}
