package org.ganbench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where datasets, runs and experiments live: {@code datasets/}, {@code runs/} and {@code experiments/} under the workspace root, which is the
 * {@code ganbench.home} system property, else the {@code GANBENCH_HOME} environment variable, else the current folder
 * (the command line's rule). The window, started by a double-click from anywhere, uses {@link #forDesktop}.
 */
public record Workspace(Path root) {
    /** The desktop app's own workspace under the user's home. */
    public static final String DESKTOP_FOLDER = "GanBench";

    public static Workspace current() {
        String home = explicitRoot(System.getenv());
        return new Workspace(Path.of(home == null ? "." : home).toAbsolutePath().normalize());
    }

    /** The {@code ganbench.home} property, else {@code GANBENCH_HOME}; null when neither is set. */
    private static String explicitRoot(Map<String, String> env) {
        String home = System.getProperty("ganbench.home");
        if (home == null || home.isBlank()) {
            home = env.get("GANBENCH_HOME");
        }
        return home == null || home.isBlank() ? null : home;
    }

    /**
     * The window's workspace for this process: {@code GANBENCH_HOME} (or {@code ganbench.home}) when set; else the
     * current folder when it is a workspace; else {@code remembered} (the last one opened, may be null) while it
     * exists; else {@code ~/GanBench}, made on first start.
     */
    public static Workspace forDesktop(Path remembered) throws IOException {
        return forDesktop(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                remembered);
    }

    /** {@link #forDesktop(Path)} for the given environment, current folder and home (tests pass their own). */
    public static Workspace forDesktop(Map<String, String> env, Path cwd, Path home, Path remembered)
            throws IOException {
        String explicit = explicitRoot(env);
        if (explicit != null) {
            return new Workspace(Path.of(explicit).toAbsolutePath().normalize());
        }
        Workspace here = new Workspace(cwd.toAbsolutePath().normalize());
        if (here.looksLikeWorkspace()) {
            return here;
        }
        if (remembered != null && Files.isDirectory(remembered)) {
            return new Workspace(remembered.toAbsolutePath().normalize());
        }
        return create(home.resolve(DESKTOP_FOLDER));
    }

    /** True when the folder has {@code datasets/} or {@code runs/}. */
    public boolean looksLikeWorkspace() {
        return Files.isDirectory(datasets()) || Files.isDirectory(runs());
    }

    /**
     * The workspace at {@code root}, with {@code datasets/}, {@code runs/}, {@code experiments/} and a short README
     * made where missing (an existing README is left alone).
     */
    public static Workspace create(Path root) throws IOException {
        Workspace ws = new Workspace(root.toAbsolutePath().normalize());
        Files.createDirectories(ws.datasets());
        Files.createDirectories(ws.runs());
        Files.createDirectories(ws.experiments());
        Path readme = ws.root().resolve("README.txt");
        if (!Files.exists(readme)) {
            AtomicFiles.writeString(readme, """
                    GanBench workspace

                    datasets/     one folder per dataset of cropped faces (faces/, manifest.csv, report.json)
                    runs/         one folder per training run (config.json, metrics.csv, samples/, checkpoints/)
                    experiments/  experiment matrices: several runs compared under one id

                    GanBench writes here; your source illustrations are never modified.
                    Open another workspace with File > Open workspace... in the window, or set GANBENCH_HOME
                    for the command line.
                    """);
        }
        return ws;
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
