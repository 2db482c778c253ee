package org.ganbench.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.ganbench.common.UserDirs;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN 3 (its C API, through JNA), beside the oneDNN 2.3 inside ND4J's libnd4jcpu, whose symbols that library keeps
 * to itself: the newer one has bfloat16 forward and backward convolutions for CPUs with {@code avx512_bf16} or AMX,
 * and serves float32 training-mode batch norm ({@link OnednnBatchNorm}) on every x86-64 Linux CPU.
 * Its library, the OpenCL loader it links and its OpenMP runtime come in the {@code org.bytedeco:dnnl} and
 * {@code org.bytedeco:opencl} native jars; only those files are used (not JavaCPP's bindings, whose version differs
 * from ND4J's). They are found in the packaged app's unpacked natives or else copied out of the jars into the user
 * cache once, into one folder, where the library's {@code $ORIGIN} run path finds its neighbours.
 */
final class Onednn {
    static final int F32 = 3;
    static final int BF16 = 2;
    static final int FORMAT_ANY = 1;
    static final int FORMAT_A = 2;
    static final int FORMAT_ABCD = 5;
    static final int FORMAT_AB = 3;
    static final int FORWARD_TRAINING = 64;
    static final int BACKWARD = 128;
    static final int NORMALISATION_SCALE = 0x2;
    static final int NORMALISATION_SHIFT = 0x4;
    static final int CONVOLUTION_DIRECT = 1;
    static final int QUERY_IMPL_INFO_STR = 8;
    static final int QUERY_SRC_MD = 129;
    static final int QUERY_DIFF_SRC_MD = 130;
    static final int QUERY_WEIGHTS_MD = 131;
    static final int QUERY_DIFF_WEIGHTS_MD = 132;
    static final int QUERY_DST_MD = 133;
    static final int QUERY_DIFF_DST_MD = 134;
    static final int ARG_SRC = 1;
    static final int ARG_DST = 17;
    static final int ARG_WEIGHTS = 33;
    static final int ARG_BIAS = 41;
    static final int ARG_MEAN = 49;
    static final int ARG_VARIANCE = 50;
    static final int ARG_SCALE = 51;
    static final int ARG_SHIFT = 52;
    static final int ARG_DIFF_SRC = 129;
    static final int ARG_DIFF_DST = 145;
    static final int ARG_DIFF_WEIGHTS = 161;
    static final int ARG_DIFF_BIAS = 169;
    static final int ARG_DIFF_SCALE = 255;
    static final int ARG_DIFF_SHIFT = 256;
    static final Pointer ALLOCATE = new Pointer(-1L);

    static final String VERSION = "3.3.4";
    private static final String[][] FILES = {
        {"org/bytedeco/dnnl/linux-x86_64/", "libdnnl.so.3"},
        {"org/bytedeco/dnnl/linux-x86_64/", "libgomp.so.1"},
        {"org/bytedeco/opencl/linux-x86_64/", "libOpenCL.so.1"},
    };
    private static final String PRELOAD_PATH = "org.bytedeco.javacpp.platform.preloadpath";

    /** The C functions used, with dnnl_status_t (0 = success) as int and handles as pointers. */
    interface Api extends Library {
        int dnnl_engine_create(PointerByReference engine, int kind, long index);

        int dnnl_stream_create(PointerByReference stream, Pointer engine, int flags);

        int dnnl_stream_wait(Pointer stream);

        int dnnl_memory_desc_create_with_tag(PointerByReference md, int ndims, long[] dims, int dataType, int tag);

        int dnnl_memory_desc_equal(Pointer a, Pointer b);

        int dnnl_convolution_forward_primitive_desc_create(PointerByReference pd, Pointer engine, int propKind,
                int algorithm, Pointer src, Pointer weights, Pointer bias, Pointer dst, long[] strides, long[] dilates,
                long[] paddingLeft, long[] paddingRight, Pointer attr);

        int dnnl_convolution_backward_data_primitive_desc_create(PointerByReference pd, Pointer engine, int algorithm,
                Pointer diffSrc, Pointer weights, Pointer diffDst, long[] strides, long[] dilates, long[] paddingLeft,
                long[] paddingRight, Pointer hintForward, Pointer attr);

        int dnnl_convolution_backward_weights_primitive_desc_create(PointerByReference pd, Pointer engine,
                int algorithm, Pointer src, Pointer diffWeights, Pointer diffBias, Pointer diffDst, long[] strides,
                long[] dilates, long[] paddingLeft, long[] paddingRight, Pointer hintForward, Pointer attr);

        int dnnl_batch_normalization_forward_primitive_desc_create(PointerByReference pd, Pointer engine,
                int propKind, Pointer src, Pointer dst, float epsilon, int flags, Pointer attr);

        int dnnl_batch_normalization_backward_primitive_desc_create(PointerByReference pd, Pointer engine,
                int propKind, Pointer diffSrc, Pointer diffDst, Pointer src, float epsilon, int flags,
                Pointer hintForward, Pointer attr);

        int dnnl_reorder_primitive_desc_create(PointerByReference pd, Pointer srcMd, Pointer srcEngine, Pointer dstMd,
                Pointer dstEngine, Pointer attr);

        Pointer dnnl_primitive_desc_query_md(Pointer pd, int what, int index);

        int dnnl_primitive_desc_query(Pointer pd, int what, int index, PointerByReference result);

        int dnnl_primitive_create(PointerByReference primitive, Pointer pd);

        int dnnl_primitive_execute(Pointer primitive, Pointer stream, int nargs, Pointer args);

        int dnnl_memory_create(PointerByReference memory, Pointer md, Pointer engine, Pointer handle);

        int dnnl_memory_set_data_handle(Pointer memory, Pointer handle);
    }

    private static final Object LOCK = new Object();
    private static Api api;
    private static String unavailable;
    private static Pointer engine;

    private Onednn() {
    }

    /** The library, loaded on first use; empty with the reason in {@link #whyUnavailable} if it cannot load. */
    static Optional<Api> api() {
        synchronized (LOCK) {
            if (api == null && unavailable == null) {
                try {
                    Nd4j.getExecutioner(); // ND4J's OpenMP runtime first, so that oneDNN 3 links to the same one
                    api = Native.loadLibrary(libraryFolder().resolve(FILES[0][1]).toString(), Api.class);
                } catch (IOException | UnsatisfiedLinkError e) {
                    unavailable = "oneDNN " + VERSION + " could not be loaded: " + e.getMessage();
                }
            }
            return Optional.ofNullable(api);
        }
    }

    /** The CPU engine every primitive is made on, created on first use; the library must have loaded. */
    static Pointer engine() {
        synchronized (LOCK) {
            if (engine == null) {
                PointerByReference e = new PointerByReference();
                check(api().orElseThrow().dnnl_engine_create(e, 1, 0), "engine_create");
                engine = e.getValue();
            }
            return engine;
        }
    }

    /** A memory descriptor of these dimensions, data type and format tag. */
    static Pointer memoryDesc(long[] dims, int dataType, int format) {
        PointerByReference md = new PointerByReference();
        check(api().orElseThrow().dnnl_memory_desc_create_with_tag(md, dims.length, dims, dataType, format),
                "memory_desc_create_with_tag");
        return md.getValue();
    }

    static String whyUnavailable() {
        synchronized (LOCK) {
            return unavailable;
        }
    }

    /** Fails with the function's name and oneDNN's status code unless {@code status} is success. */
    static void check(int status, String function) {
        if (status != 0) {
            throw new IllegalStateException("oneDNN " + function + " failed with status " + status);
        }
    }

    private static Path libraryFolder() throws IOException {
        String preload = System.getProperty(PRELOAD_PATH);
        if (preload != null && Files.isRegularFile(Path.of(preload, FILES[0][1]))) {
            return Path.of(preload); // the packaged app's unpacked natives
        }
        Path folder = UserDirs.fromEnvironment().cache().resolve("natives").resolve("onednn-" + VERSION);
        if (Files.isRegularFile(folder.resolve(FILES[0][1]))) {
            return folder;
        }
        Files.createDirectories(folder.getParent());
        Path partial = Files.createTempDirectory(folder.getParent(), "unpacking-onednn-");
        try {
            for (String[] file : FILES) {
                try (InputStream in = Onednn.class.getClassLoader().getResourceAsStream(file[0] + file[1])) {
                    if (in == null) {
                        throw new IOException(file[1] + " is not on the class path (the org.bytedeco:dnnl and "
                                + "opencl linux-x86_64 jars)");
                    }
                    Files.copy(in, partial.resolve(file[1]));
                }
            }
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another process unpacked it first; its copy serves
        } finally {
            deleteQuietly(partial);
        }
        return folder;
    }

    /** Removes a partial unpacking (after a successful move there is nothing left to remove). */
    private static void deleteQuietly(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }
}
