package org.ganbench.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganbench.common.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named float32 arrays in a small binary file: "GBT1", count, then per array its name, shape and values (big-endian).
 * Float32 is what training computes in, so a checkpoint restores it bit for bit.
 */
public final class TensorFile {
    private static final int MAGIC = 0x47425431; // "GBT1"

    private TensorFile() {
    }

    /** Writes the arrays atomically. */
    public static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        AtomicFiles.write(file, out -> write(out, arrays));
    }

    public static void write(OutputStream stream, Map<String, INDArray> arrays) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            INDArray a = e.getValue();
            out.writeUTF(e.getKey());
            out.writeInt(a.rank());
            for (long d : a.shape()) {
                out.writeLong(d);
            }
            for (float f : a.castTo(DataType.FLOAT).reshape(a.length()).toFloatVector()) {
                out.writeFloat(f);
            }
        }
        out.flush();
    }

    public static Map<String, INDArray> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /** {@code source} names the stream in error messages. */
    public static Map<String, INDArray> read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a GanBench tensor file: " + source);
        }
        int count = in.readInt();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            long[] shape = new long[in.readInt()];
            long n = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readLong();
                n *= shape[d];
            }
            float[] values = new float[Math.toIntExact(n)];
            for (int k = 0; k < values.length; k++) {
                values[k] = in.readFloat();
            }
            arrays.put(name, Nd4j.createFromArray(values).reshape(shape));
        }
        return arrays;
    }

    /** Copies {@code arrays.get(name)} into {@code target}, or fails naming what does not match. */
    public static void restore(Map<String, INDArray> arrays, String name, INDArray target, String source)
            throws IOException {
        INDArray a = arrays.get(name);
        if (a == null || a.length() != target.length()) {
            throw new IOException(source + ": " + name + (a == null ? " is missing" : " has " + a.length()
                    + " values, expected " + target.length() + " (different network width?)"));
        }
        target.assign(a.reshape(target.shape()).castTo(target.dataType()));
    }
}
