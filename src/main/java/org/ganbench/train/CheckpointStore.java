package org.ganbench.train;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.ReproducibleRandom;
import org.ganbench.model.Adam;
import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.ganbench.model.GeneratorAverage;
import org.ganbench.model.TensorFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every on-disk format of a run's training state, in one place: a checkpoint folder (the engine's networks,
 * optimizers and noise state, and the trainer's position in the data), written as {@code .step_N.tmp/} and renamed
 * when whole; the fixed noise of the sample grids; and the free space a checkpoint needs.
 */
final class CheckpointStore {
    static final String TRAINER_STATE_FILE = "trainer.json";
    private static final String ENGINE_STATE = "state.properties";
    private static final String DISCRIMINATOR = "discriminator.bin";
    private static final String ADAM_GENERATOR = "adam_generator.bin";
    private static final String ADAM_DISCRIMINATOR = "adam_discriminator.bin";
    /** Room for the small files (state, trainer.json, zip headers) and the file system's blocks. */
    private static final long SLACK_BYTES = 64 * 1024;

    private final RunFolder run;
    private final ToLongFunction<Path> usableSpace;

    /** What an engine checkpoint holds; {@code average} is null when the config keeps none. */
    record EngineState(TrainingConfig config, Generator64 generator, Discriminator64 discriminator,
                       Adam generatorAdam, Adam discriminatorAdam, ReproducibleRandom random,
                       GeneratorAverage average) {
    }

    /** The trainer's part of a checkpoint: where in the data it was, and the training time so far. */
    record TrainerState(long step, long epoch, int position, double timeS) {
    }

    /** The sample grids' latent vectors, {@code z.length / latent} rows. */
    record FixedNoise(long seed, int latent, float[] z) {
    }

    /** There is less free space than a checkpoint needs. */
    record SpaceShortage(long neededBytes, long freeBytes, Path where) {
        String message() {
            return String.format("only %s free in %s, but a checkpoint needs about %s", megabytes(freeBytes), where,
                    megabytes(neededBytes));
        }
    }

    /** {@code usableSpace} tells the free bytes of the file system holding a path (injectable for tests). */
    CheckpointStore(RunFolder run, ToLongFunction<Path> usableSpace) {
        this.run = run;
        this.usableSpace = usableSpace;
    }

    static long freeBytes(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: the write itself will say
        }
    }

    // --- the engine's files

    static void writeEngine(Path dir, EngineState s) throws IOException {
        Files.createDirectories(dir);
        TensorFile.write(dir.resolve(GeneratorSampler.CHECKPOINT_FILE), GeneratorSampler.arrays(s.generator()));
        TensorFile.write(dir.resolve(DISCRIMINATOR), discriminatorArrays(s.discriminator()));
        TensorFile.write(dir.resolve(ADAM_GENERATOR), adamArrays(s.generatorAdam()));
        TensorFile.write(dir.resolve(ADAM_DISCRIMINATOR), adamArrays(s.discriminatorAdam()));
        if (s.average() != null) {
            TensorFile.write(dir.resolve(GeneratorSampler.AVERAGED_CHECKPOINT_FILE),
                    GeneratorSampler.arrays(s.average().network()));
        }
        Properties state = new Properties();
        state.setProperty("format", "1");
        state.setProperty("algorithm", s.config().algorithm().name());
        state.setProperty("ch", String.valueOf(s.config().ch()));
        state.setProperty("random_state", String.valueOf(s.random().state()));
        state.setProperty("adam_generator_iteration", String.valueOf(s.generatorAdam().iteration()));
        state.setProperty("adam_discriminator_iteration", String.valueOf(s.discriminatorAdam().iteration()));
        if (s.average() != null) {
            state.setProperty("ema_updates", String.valueOf(s.average().updates()));
        }
        StringWriter text = new StringWriter();
        state.store(text, "GanBench engine state");
        AtomicFiles.writeString(dir.resolve(ENGINE_STATE), text.toString());
    }

    /** Restores what {@link #writeEngine} wrote; a bad checkpoint leaves {@code s} as it was. */
    static void readEngine(Path dir, EngineState s) throws IOException {
        Path statePath = dir.resolve(ENGINE_STATE);
        if (!Files.isRegularFile(statePath)) {
            throw new IOException("not an engine checkpoint (no " + ENGINE_STATE + "): " + dir);
        }
        Properties state = new Properties();
        try (var reader = Files.newBufferedReader(statePath, StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        TrainingConfig config = s.config();
        if (!config.algorithm().name().equals(state.getProperty("algorithm"))
                || !String.valueOf(config.ch()).equals(state.getProperty("ch"))) {
            throw new IOException("checkpoint " + dir + " is for " + state.getProperty("algorithm") + " at ch "
                    + state.getProperty("ch") + ", not " + config.algorithm() + " at ch " + config.ch());
        }
        // Read everything before changing anything.
        Map<String, INDArray> g = TensorFile.read(dir.resolve(GeneratorSampler.CHECKPOINT_FILE));
        Map<String, INDArray> d = TensorFile.read(dir.resolve(DISCRIMINATOR));
        Map<String, INDArray> ag = TensorFile.read(dir.resolve(ADAM_GENERATOR));
        Map<String, INDArray> ad = TensorFile.read(dir.resolve(ADAM_DISCRIMINATOR));
        Path averagePath = dir.resolve(GeneratorSampler.AVERAGED_CHECKPOINT_FILE);
        if (s.average() != null && !Files.isRegularFile(averagePath)) {
            throw new IOException("checkpoint " + dir + " has no average of G's weights, but the run keeps one"
                    + " (EMA decay " + config.emaDecay() + ")");
        }
        Map<String, INDArray> averaged = s.average() == null ? null : TensorFile.read(averagePath);
        long randomState;
        int iterationG;
        int iterationD;
        long averageUpdates;
        try {
            randomState = Long.parseLong(state.getProperty("random_state"));
            iterationG = Integer.parseInt(state.getProperty("adam_generator_iteration"));
            iterationD = Integer.parseInt(state.getProperty("adam_discriminator_iteration"));
            averageUpdates = s.average() == null ? 0 : Long.parseLong(state.getProperty("ema_updates"));
        } catch (NumberFormatException e) {
            throw new IOException("corrupt " + statePath + ": " + e.getMessage(), e);
        }
        GeneratorSampler.restore(s.generator(), g, dir + "/" + GeneratorSampler.CHECKPOINT_FILE);
        TensorFile.restore(d, "parameters", s.discriminator().parameters().values(), dir + "/" + DISCRIMINATOR);
        TensorFile.restore(d, "buffers", s.discriminator().buffers().values(), dir + "/" + DISCRIMINATOR);
        restoreAdam(s.generatorAdam(), ag, iterationG, dir + "/" + ADAM_GENERATOR);
        restoreAdam(s.discriminatorAdam(), ad, iterationD, dir + "/" + ADAM_DISCRIMINATOR);
        s.random().setState(randomState);
        if (s.average() != null) {
            GeneratorSampler.restore(s.average().network(), averaged, averagePath.toString());
            s.average().restored(averageUpdates);
        }
    }

    /**
     * The engine files' size: G twice (checkpoint and generator.zip), its average twice when kept, D, and two
     * moments per parameter.
     */
    static long engineBytes(EngineState s) {
        long g = (s.average() == null ? 1 : 2)
                * (s.generator().parameters().values().length() + s.generator().buffers().values().length());
        long d = s.discriminator().parameters().values().length() + s.discriminator().buffers().values().length();
        long moments = 2 * (s.generator().parameters().values().length()
                + s.discriminator().parameters().values().length());
        return (2 * g + d + moments) * s.generator().parameters().dataType().width();
    }

    private static Map<String, INDArray> discriminatorArrays(Discriminator64 discriminator) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("parameters", discriminator.parameters().values());
        arrays.put("buffers", discriminator.buffers().values());
        return arrays;
    }

    private static Map<String, INDArray> adamArrays(Adam adam) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("m", adam.firstMoment());
        arrays.put("v", adam.secondMoment());
        return arrays;
    }

    private static void restoreAdam(Adam adam, Map<String, INDArray> arrays, int iteration, String source)
            throws IOException {
        TensorFile.restore(arrays, "m", adam.firstMoment(), source);
        TensorFile.restore(arrays, "v", adam.secondMoment(), source);
        adam.setIteration(iteration);
    }

    // --- the run's checkpoint folders

    /**
     * Loads the newest complete checkpoint into the algorithm and returns where it left off; removes the remains of
     * a checkpoint that a killed process had not finished.
     */
    TrainerState restoreNewest(TrainableGan algorithm) throws IOException {
        Files.createDirectories(run.checkpointsDir());
        try (Stream<Path> list = Files.list(run.checkpointsDir())) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                deleteRecursively(p);
            }
        }
        Optional<RunFolder.StepFile> newest = run.newestCheckpoint();
        if (newest.isEmpty()) {
            return new TrainerState(0, 0, 0, 0);
        }
        Path dir = newest.get().path();
        algorithm.loadCheckpoint(dir);
        return RunFolder.JSON.readValue(dir.resolve(TRAINER_STATE_FILE).toFile(), TrainerState.class);
    }

    /** The bytes one more checkpoint takes: the algorithm's files and generator.zip, plus slack. */
    long checkpointBytes(TrainableGan algorithm) {
        return algorithm.checkpointBytes() + SLACK_BYTES;
    }

    /** The shortage, if the run folder's file system has less free space than a checkpoint needs. */
    Optional<SpaceShortage> spaceShortage(TrainableGan algorithm) {
        long needed = checkpointBytes(algorithm);
        long free = usableSpace.applyAsLong(run.dir());
        return free < needed ? Optional.of(new SpaceShortage(needed, free, run.dir())) : Optional.empty();
    }

    /**
     * Writes checkpoints/step_N/ as a temporary folder renamed when complete, so a folder with a step name is
     * always whole; then drops the oldest beyond the number kept and refreshes generator.zip (and, when
     * {@code averaged}, generator_ema.zip). A failed write
     * removes the partial folder and says which file it was writing and how much room a checkpoint needs.
     * Returns the checkpoint's folder, or empty when that step's checkpoint already exists.
     */
    Optional<Path> save(TrainableGan algorithm, TrainerState state, int keep, boolean averaged) throws IOException {
        Path target = run.checkpointDir(state.step());
        if (Files.isDirectory(target)) {
            return Optional.empty();
        }
        Path tmp = run.checkpointsDir().resolve("." + RunFolder.stepName(state.step()) + ".tmp");
        deleteRecursively(tmp);
        try {
            Files.createDirectories(tmp);
            algorithm.saveCheckpoint(tmp);
            AtomicFiles.write(tmp.resolve(TRAINER_STATE_FILE), out -> RunFolder.JSON.writeValue(out, state));
        } catch (IOException e) {
            Path file = e instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : tmp;
            deleteQuietly(tmp);
            throw new IOException("could not write the checkpoint of step " + state.step() + " (" + file + ": "
                    + reason(e) + "); a checkpoint needs about " + megabytes(checkpointBytes(algorithm)) + ", "
                    + megabytes(usableSpace.applyAsLong(run.dir())) + " are free in " + run.dir(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        List<RunFolder.StepFile> all = run.checkpoints();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteRecursively(all.get(i).path());
        }
        AtomicFiles.writeFile(run.generatorFile(), file -> algorithm.saveGenerator(file, false));
        if (averaged) {
            AtomicFiles.writeFile(run.averagedGeneratorFile(), file -> algorithm.saveGenerator(file, true));
        }
        return Optional.of(target);
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    // --- the sample grids' noise

    /** The sample grids' latent vectors: derived from the seed once, then read back so a resumed run shows the same faces. */
    float[] fixedNoise(long seed, int count, int latent) throws IOException {
        Path file = run.fixedNoiseFile();
        if (Files.isRegularFile(file)) {
            FixedNoise stored = RunFolder.JSON.readValue(file.toFile(), FixedNoise.class);
            if (stored.latent() == latent && stored.z().length == count * stored.latent()) {
                return stored.z();
            }
            throw new IOException(file + " does not hold " + count + " vectors of " + latent);
        }
        float[] z = LatentNoise.uniform(seed, count, latent);
        AtomicFiles.write(file, out -> RunFolder.JSON.writeValue(out, new FixedNoise(seed, latent, z)));
        return z;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (IOException ignored) {
            // the next start removes any .tmp folder left
        }
    }
}
