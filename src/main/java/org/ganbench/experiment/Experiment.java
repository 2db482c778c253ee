package org.ganbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ganbench.common.AtomicFiles;
import org.ganbench.train.Algorithm;
import org.ganbench.train.RunFolder;
import org.ganbench.train.TrainingConfig;
import org.ganbench.train.TrainingData;

/**
 * An experiment matrix {@code experiments/<id>/}: algorithms x datasets trained with one schedule, one run folder per
 * cell ({@code runs/<algo>-<dataset>/} inside the experiment), and the state of each cell, all in
 * {@code experiment.json} (rewritten atomically at every change, so that a killed queue can be resumed from it).
 */
public final class Experiment {
    public static final String FILE = "experiment.json";
    /** Run folders of the cells, inside the experiment folder. */
    public static final String RUNS = "runs";

    /** PENDING: not started; TRAINING and EVALUATING: begun and not finished (resumed from there); DONE; FAILED. */
    public enum CellState { PENDING, TRAINING, EVALUATING, DONE, FAILED }

    /**
     * What to train: every algorithm on every dataset (absolute folders) with the same width, batch, seed and steps.
     *
     * @param evalImages images generated for each cell's evaluation (and faces drawn from its dataset)
     */
    public record Plan(List<Algorithm> algorithms, List<String> datasets, long steps, int ch, int batch, long seed,
                       int sampleEvery, int checkpointEvery, int evalImages) {
        public Plan {
            algorithms = List.copyOf(algorithms);
            datasets = List.copyOf(datasets);
            if (algorithms.isEmpty() || datasets.isEmpty()) {
                throw new IllegalArgumentException("an experiment needs at least one algorithm and one dataset");
            }
            if (new HashSet<>(algorithms).size() != algorithms.size()
                    || new HashSet<>(datasets).size() != datasets.size()) {
                throw new IllegalArgumentException("an algorithm or dataset is listed twice: " + algorithms + " x "
                        + datasets);
            }
            if (steps < 1 || sampleEvery < 1 || checkpointEvery < 1 || evalImages < 2) {
                throw new IllegalArgumentException("invalid experiment schedule: steps " + steps + ", sample every "
                        + sampleEvery + ", checkpoint every " + checkpointEvery + ", evaluation images " + evalImages);
            }
            algorithms.get(0).defaults(ch, batch, seed); // checks ch and batch now, not after the first run trained
        }

        /** The same hyperparameters for every cell of an algorithm: the algorithm's defaults at this width. */
        public TrainingConfig training(Algorithm algorithm) {
            return algorithm.defaults(ch, batch, seed);
        }
    }

    /**
     * One cell of the matrix.
     *
     * @param run     its run folder, relative to the experiment folder
     * @param message why it failed, or empty
     */
    public record Cell(Algorithm algorithm, String dataset, String run, CellState state, String message) {
        /** "DRAGAN on getchu64". */
        public String label() {
            return algorithm + " on " + Path.of(dataset).getFileName();
        }

        Cell with(CellState newState, String newMessage) {
            return new Cell(algorithm, dataset, run, newState, newMessage == null ? "" : newMessage);
        }
    }

    /** What experiment.json holds. */
    record Contents(String id, String created, Plan plan, List<Cell> cells) {
    }

    private final Path dir;
    private final String id;
    private final String created;
    private final Plan plan;
    private final List<Cell> cells;

    private Experiment(Path dir, Contents contents) {
        this.dir = dir.toAbsolutePath().normalize();
        this.id = contents.id();
        this.created = contents.created();
        this.plan = contents.plan();
        this.cells = new ArrayList<>(contents.cells());
    }

    /**
     * A new experiment in {@code experimentsDir/<name>} (a name from the date when null): checks that every dataset is a
     * folder, lays out its cells (algorithms in rows, datasets in columns) and writes experiment.json.
     */
    public static Experiment create(Path experimentsDir, String name, Plan plan) throws IOException {
        String id = name == null || name.isBlank()
                ? "exp-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) : name.strip();
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("an experiment name may only use letters, digits, '.', '_' and '-': "
                    + id);
        }
        for (String dataset : plan.datasets()) {
            TrainingData.requireFolder(Path.of(dataset));
        }
        Path dir = experimentsDir.resolve(id);
        if (Files.exists(dir.resolve(FILE))) {
            throw new IOException("an experiment already exists in " + dir + " (use --resume to continue it)");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> runNames = new HashSet<>();
        for (Algorithm algorithm : plan.algorithms()) {
            for (String dataset : plan.datasets()) {
                String base = algorithm.name().toLowerCase(Locale.ROOT) + "-" + Path.of(dataset).getFileName();
                String runName = base;
                for (int i = 2; !runNames.add(runName); i++) {
                    runName = base + "-" + i; // two datasets in folders of the same name
                }
                cells.add(new Cell(algorithm, dataset, RUNS + "/" + runName, CellState.PENDING, ""));
            }
        }
        Experiment experiment = new Experiment(dir, new Contents(id, Instant.now().toString(), plan, cells));
        experiment.save();
        return experiment;
    }

    /** The experiment in {@code dir}; fails with a clear message when there is none. */
    public static Experiment open(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not an experiment folder (no " + FILE + "): " + dir.toAbsolutePath().normalize());
        }
        try {
            return new Experiment(dir, RunFolder.JSON.readValue(file.toFile(), Contents.class));
        } catch (IOException e) {
            throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return id;
    }

    public Plan plan() {
        return plan;
    }

    /** The cells in matrix order (one row of datasets per algorithm), as last recorded. */
    public synchronized List<Cell> cells() {
        return List.copyOf(cells);
    }

    public Path runDir(Cell cell) {
        return dir.resolve(cell.run());
    }

    /** True while some cell is not DONE or FAILED. */
    public synchronized boolean hasUnfinishedCells() {
        return cells.stream().anyMatch(c -> c.state() != CellState.DONE && c.state() != CellState.FAILED);
    }

    /** Records a cell's new state in experiment.json. */
    synchronized void update(int index, CellState state, String message) throws IOException {
        cells.set(index, cells.get(index).with(state, message));
        save();
    }

    private synchronized void save() throws IOException {
        Contents contents = new Contents(id, created, plan, List.copyOf(cells));
        AtomicFiles.write(dir.resolve(FILE), out -> RunFolder.JSON.writeValue(out, contents));
    }
}
