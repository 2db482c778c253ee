package org.ganbench.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ganbench.common.AtomicFiles;

/**
 * A run folder {@code runs/<id>/}: its layout, and a reader of what is in it (config, metrics, sample grids,
 * checkpoints, status) for the trainer, the CLI, the window and the comparison view.
 *
 * <pre>
 * config.json                 RunConfig
 * status.json                 RunStatus (last written state; "running" also after a killed process)
 * metrics.csv                 one row per step, METRICS_HEADER
 * health.csv                  step,event,message: D separated real from fake for long (G stops learning), recovered
 * fixed_noise.json            the latent vectors of the sample grids
 * samples/step_NNNNNN.png     5x5 grids (of G's weight average when the run keeps one)
 * checkpoints/step_NNNNNN/    algorithm state + trainer.json (complete once renamed from .step_NNNNNN.tmp)
 * generator.zip               the newest checkpoint's generator
 * generator_ema.zip           its moving average of weights, when the run keeps one (--ema-decay)
 * </pre>
 */
public final class RunFolder {
    public static final String METRICS_HEADER =
            "step,time_s,loss_dis,loss_gen,loss_gp,d_real,d_fake,grad_norm_g,steps_per_s";
    /** The mapper of run and experiment files. Leaves streams open: AtomicFiles forces the file to disk after the body has written it. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final Pattern STEP_NAME = Pattern.compile("step_(\\d{6,})(\\.png)?");

    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Makes a new run folder with its config.json and an empty metrics.csv; refuses a folder that holds a run. */
    public static RunFolder create(Path dir, RunConfig config) throws IOException {
        RunFolder run = new RunFolder(dir);
        if (Files.exists(run.configFile())) {
            throw new IOException("a run already exists in " + run.dir + " (use resume to continue it)");
        }
        Files.createDirectories(run.samplesDir());
        Files.createDirectories(run.checkpointsDir());
        run.writeConfig(config);
        AtomicFiles.writeString(run.metricsFile(), METRICS_HEADER + "\n");
        return run;
    }

    /** An existing run folder; fails with a clear message when {@code dir} holds no run. */
    public static RunFolder open(Path dir) throws IOException {
        RunFolder run = new RunFolder(dir);
        if (!Files.isRegularFile(run.configFile())) {
            throw new IOException("not a run folder (no config.json): " + run.dir);
        }
        return run;
    }

    /** The runs in {@code runsDir} (folders holding a config.json), by folder name. */
    public static List<RunFolder> list(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(runsDir)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("config.json"))).sorted()
                    .map(RunFolder::new).toList();
        }
    }

    /** True when {@code dir} looks like a run (any of its files present), e.g. one another machine is still writing. */
    public static boolean looksLikeRun(Path dir) {
        return Files.isDirectory(dir) && (Files.exists(dir.resolve("config.json"))
                || Files.exists(dir.resolve("metrics.csv")) || Files.isDirectory(dir.resolve("samples")));
    }

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve("config.json");
    }

    public Path statusFile() {
        return dir.resolve("status.json");
    }

    public Path metricsFile() {
        return dir.resolve("metrics.csv");
    }

    /** When D separated real from fake for a sustained stretch, and when it recovered (see HealthLog). */
    public Path healthFile() {
        return dir.resolve("health.csv");
    }

    public Path fixedNoiseFile() {
        return dir.resolve("fixed_noise.json");
    }

    public Path samplesDir() {
        return dir.resolve("samples");
    }

    public Path checkpointsDir() {
        return dir.resolve("checkpoints");
    }

    public Path generatorFile() {
        return dir.resolve("generator.zip");
    }

    public Path averagedGeneratorFile() {
        return dir.resolve("generator_ema.zip");
    }

    public Path evalFile() {
        return dir.resolve("eval").resolve("eval.json");
    }

    public Path sampleFile(long step) {
        return samplesDir().resolve(stepName(step) + ".png");
    }

    public Path checkpointDir(long step) {
        return checkpointsDir().resolve(stepName(step));
    }

    static String stepName(long step) {
        return String.format("step_%06d", step);
    }

    public RunConfig config() throws IOException {
        return JSON.readValue(configFile().toFile(), RunConfig.class);
    }

    public void writeConfig(RunConfig config) throws IOException {
        AtomicFiles.write(configFile(), out -> JSON.writeValue(out, config));
    }

    /**
     * The number of steps the run aims for ({@code "steps"} in config.json), if known; empty also while config.json
     * is being rewritten, since a watcher simply looks again later.
     */
    public OptionalLong configuredSteps() {
        if (!Files.isRegularFile(configFile())) {
            return OptionalLong.empty();
        }
        try {
            JsonNode steps = JSON.readTree(configFile().toFile()).get("steps");
            return steps != null && steps.canConvertToLong() && steps.asLong() > 0 ? OptionalLong.of(steps.asLong())
                    : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The last status written; a run without one has not started. */
    public RunStatus status() throws IOException {
        if (!Files.isRegularFile(statusFile())) {
            return new RunStatus(RunStatus.State.NEW, 0, "");
        }
        return JSON.readValue(statusFile().toFile(), RunStatus.class);
    }

    void writeStatus(RunStatus status) throws IOException {
        AtomicFiles.write(statusFile(), out -> JSON.writeValue(out, status));
    }

    /** Every complete row of metrics.csv, in file order. */
    public List<MetricsRow> metrics() throws IOException {
        if (!Files.isRegularFile(metricsFile())) {
            return List.of();
        }
        return MetricsTail.readAll(metricsFile());
    }

    /** The sample grids, oldest first. */
    public List<StepFile> samples() throws IOException {
        return stepEntries(samplesDir(), true);
    }

    /** The sample grids by step. */
    public NavigableMap<Long, Path> samplesByStep() throws IOException {
        NavigableMap<Long, Path> byStep = new TreeMap<>();
        samples().forEach(s -> byStep.put(s.step(), s.path()));
        return byStep;
    }

    /** The complete checkpoints (a checkpoint folder appears only once fully written), oldest first. */
    public List<StepFile> checkpoints() throws IOException {
        return stepEntries(checkpointsDir(), false);
    }

    public Optional<StepFile> newestCheckpoint() throws IOException {
        List<StepFile> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static List<StepFile> stepEntries(Path folder, boolean png) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<StepFile> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Matcher m = STEP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && (m.group(2) != null) == png && (png ? Files.isRegularFile(p) : Files.isDirectory(p))) {
                    found.add(new StepFile(Long.parseLong(m.group(1)), p));
                }
            }
        }
        found.sort(Comparator.comparingLong(StepFile::step));
        return found;
    }

    /** A file or folder of the run that belongs to one step (a sample grid, a checkpoint). */
    public record StepFile(long step, Path path) {
    }
}
