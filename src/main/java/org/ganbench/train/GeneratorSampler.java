package org.ganbench.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.ganbench.common.AtomicFiles;
import org.ganbench.model.Generator64;
import org.ganbench.model.TensorFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Samples from a generator, and reads and writes the generator file: a zip with {@code generator.properties}
 * (format, width) and {@code parameters.bin} (weights and BN running statistics, see {@link TensorFile}).
 */
final class GeneratorSampler implements ImageGenerator {
    private static final String INFO = "generator.properties";
    private static final String PARAMETERS = "parameters.bin";
    /** The generator's file inside a checkpoint folder, as {@link EngineGan#saveCheckpoint} names it. */
    static final String CHECKPOINT_FILE = "generator.bin";
    /** The moving average of G's weights inside a checkpoint folder, with batch-norm statistics of its own. */
    static final String AVERAGED_CHECKPOINT_FILE = "generator_ema.bin";
    private static final int CHUNK = 256;
    private final ArrayArena workspace = new ArrayArena();
    private Generator64 generator;

    GeneratorSampler(Generator64 generator) {
        this.generator = generator;
    }

    static void write(Generator64 generator, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(INFO));
            zip.write(("format=1\nmodel=DCGANGenerator\nch=" + generator.ch() + "\nlatent=" + Generator64.LATENT
                    + "\nside=" + Generator64.SIDE + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMETERS));
            TensorFile.write(zip, arrays(generator));
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Every array of the generator by name: parameters and running statistics. */
    static Map<String, INDArray> arrays(Generator64 generator) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("parameters", generator.parameters().values());
        arrays.put("buffers", generator.buffers().values());
        return arrays;
    }

    static void restore(Generator64 generator, Map<String, INDArray> arrays, String source) throws IOException {
        TensorFile.restore(arrays, "parameters", generator.parameters().values(), source);
        TensorFile.restore(arrays, "buffers", generator.buffers().values(), source);
    }

    static GeneratorSampler read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no generator file: " + file);
        }
        java.util.Properties info = null;
        Map<String, INDArray> arrays = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(INFO)) {
                    info = new java.util.Properties();
                    info.load(new java.io.InputStreamReader(zip, StandardCharsets.UTF_8));
                } else if (e.getName().equals(PARAMETERS)) {
                    arrays = TensorFile.read(zip, file + "!" + PARAMETERS);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a generator file (" + e.getMessage() + "): " + file, e);
        }
        if (info == null || arrays == null || !"1".equals(info.getProperty("format"))) {
            throw new IOException("not a GanBench generator file (format 1): " + file);
        }
        int ch;
        try {
            ch = Integer.parseInt(info.getProperty("ch", ""));
        } catch (NumberFormatException e) {
            throw new IOException("generator file without a valid width: " + file, e);
        }
        Generator64 generator = new Generator64(ch, DataType.FLOAT);
        restore(generator, arrays, file.toString());
        return new GeneratorSampler(generator);
    }

    /** The generator of a checkpoint folder (its weight average when {@code averaged}), for a network of width {@code ch}. */
    static GeneratorSampler readCheckpoint(Path checkpointDir, int ch, boolean averaged) throws IOException {
        Path file = checkpointDir.resolve(averaged ? AVERAGED_CHECKPOINT_FILE : CHECKPOINT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no generator in the checkpoint: " + file);
        }
        Generator64 generator = new Generator64(ch, DataType.FLOAT);
        restore(generator, TensorFile.read(file), file.toString());
        return new GeneratorSampler(generator);
    }

    /** Inference-mode images of a generator as packed RGB bytes, in chunks to bound memory. */
    static byte[] generate(Generator64 generator, float[] z, int n) {
        if (z.length != n * Generator64.LATENT) {
            throw new IllegalArgumentException("expected " + n + " latent vectors of " + Generator64.LATENT
                    + " floats, got " + z.length + " floats");
        }
        int side = Generator64.SIDE;
        byte[] rgb = new byte[n * side * side * 3];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] part = java.util.Arrays.copyOfRange(z, start * Generator64.LATENT, (start + m) * Generator64.LATENT);
            INDArray images = generator.generate(Nd4j.createFromArray(part).reshape(m, Generator64.LATENT));
            ImageTensors.toRgb(images.castTo(DataType.FLOAT).reshape(images.length()).toFloatVector(), m, side, rgb,
                    start * side * side * 3);
        }
        return rgb;
    }

    @Override
    public byte[] generate(float[] z, int n) {
        if (generator == null) {
            throw new IllegalStateException("generator closed");
        }
        try (var ws = workspace.open()) {
            return generate(generator, z, n);
        }
    }

    @Override
    public int latentSize() {
        return Generator64.LATENT;
    }

    @Override
    public int imageSide() {
        return Generator64.SIDE;
    }

    @Override
    public void close() {
        generator = null; // its off-heap arrays are freed when collected
        workspace.release();
    }
}
