package org.ganbench.model;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ganbench.common.CpuFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mixed precision for the convolutions: with it on, every convolution pass of float32 arrays ({@link Convolutions}:
 * forward, input gradient, weight gradient, and the transposed convolutions, which are the same three passes read the
 * other way) runs in oneDNN 3 with bfloat16 inputs, float32 accumulation and float32 outputs, so that gradients land
 * in the float32 master weights and everything else (batch norm, Adam, losses, spectral norm, the penalty's
 * reductions) stays float32. ND4J's own oneDNN (2.3) has no bfloat16 forward kernels; oneDNN 3.3 has them for
 * {@code avx512_bf16} (about twice its float32 rate per core, docs/speed.md) and AMX.
 * <p>
 * Each distinct pass (shape, stride, padding) gets its primitive, its blocked-layout buffers and the reorders to and
 * from the arrays' plain NCHW/OIHW layout once, reused every step; one pass runs at a time (they share buffers).
 */
public final class Bfloat16Convolutions {
    public static final String ONEDNN_VERSION = Onednn.VERSION;
    /** Per thread: a run training in bfloat16 leaves the window's samplers and other runs' threads in float32. */
    private static final ThreadLocal<Boolean> ON_THIS_THREAD = ThreadLocal.withInitial(() -> false);
    private static Pointer engine;
    private static final Map<Pass, Primitive> PRIMITIVES = new ConcurrentHashMap<>();

    private Bfloat16Convolutions() {
    }

    /**
     * Switches the calling thread's convolutions to bfloat16. Returns empty when on, else why they stay float32, in
     * words for the user.
     */
    public static Optional<String> enable() {
        Optional<String> missing = unavailable();
        if (missing.isEmpty()) {
            ON_THIS_THREAD.set(true);
        }
        return missing;
    }

    /** Why this machine has no bfloat16 convolutions (the CPU, or oneDNN 3 failing to load), or empty if it has. */
    public static synchronized Optional<String> unavailable() {
        Optional<String> missing = missingCpuSupport(CpuFeatures.current());
        if (missing.isPresent()) {
            return missing;
        }
        if (Onednn.api().isEmpty()) {
            return Optional.of(Onednn.whyUnavailable());
        }
        engine = Onednn.engine();
        return Optional.empty();
    }

    /** Back to float32 on the calling thread. */
    public static void disable() {
        ON_THIS_THREAD.remove();
    }

    public static boolean isEnabled() {
        return ON_THIS_THREAD.get();
    }

    /** Why a CPU with these features has no bfloat16 convolutions, or empty if it has. */
    static Optional<String> missingCpuSupport(CpuFeatures cpu) {
        if (cpu.has("avx512_bf16").equals("unknown")) {
            return Optional.of("bfloat16 needs Linux on x86-64 (no /proc/cpuinfo flags here)");
        }
        if (cpu.has("avx512_bf16").equals("yes") || cpu.has("amx_bf16").equals("yes")) {
            return Optional.empty();
        }
        return Optional.of("this CPU has no bfloat16 instructions (avx512_bf16 or AMX)");
    }

    /** Whether a pass on these arrays runs here: float32 (float64 checks keep libnd4j's kernels), on this thread. */
    static boolean applies(INDArray a) {
        return a.dataType() == DataType.FLOAT && ON_THIS_THREAD.get();
    }

    /** Into {@code dst}: {@code src [n, ic, h, w]} convolved with {@code weights [oc, ic, k, k]}, plus bias if given. */
    static void forward(INDArray src, INDArray weights, INDArray bias, INDArray dst, int s, int p) {
        primitive(new Pass(Kind.FORWARD, Geometry.of(src.shape(), weights.shape(), s, p), bias != null))
                .run(src, weights, bias, dst);
    }

    /** Into {@code diffSrc}: the input gradient of a convolution with {@code weights}, from its output gradient. */
    static void backwardData(INDArray weights, INDArray diffDst, INDArray diffSrc, int s, int p) {
        primitive(new Pass(Kind.BACKWARD_DATA, Geometry.of(diffSrc.shape(), weights.shape(), s, p), false))
                .run(weights, diffDst, diffSrc);
    }

    /**
     * Into {@code diffWeights}: the weight gradient of a convolution of {@code src} with that output gradient, and into
     * {@code diffBias} unless null, its bias gradient (the output gradient summed over all but channels, in the same
     * pass).
     */
    static void backwardWeights(INDArray src, INDArray diffDst, INDArray diffWeights, INDArray diffBias, int s,
                                int p) {
        primitive(new Pass(Kind.BACKWARD_WEIGHTS, Geometry.of(src.shape(), diffWeights.shape(), s, p),
                diffBias != null)).run(src, diffDst, diffWeights, diffBias);
    }

    private static Primitive primitive(Pass pass) {
        return PRIMITIVES.computeIfAbsent(pass, Primitive::new);
    }

    private enum Kind { FORWARD, BACKWARD_DATA, BACKWARD_WEIGHTS }

    /** A convolution's shapes: source {@code [n, ic, h, w]}, weights {@code [oc, ic, k, k]}, stride and padding. */
    private record Geometry(long n, long ic, long h, long w, long oc, long k, int s, int p) {
        static Geometry of(long[] src, long[] weights, int s, int p) {
            return new Geometry(src[0], src[1], src[2], src[3], weights[0], weights[2], s, p);
        }

        long[] srcShape() {
            return new long[] {n, ic, h, w};
        }

        long[] weightShape() {
            return new long[] {oc, ic, k, k};
        }

        long[] dstShape() {
            return new long[] {n, oc, (h + 2L * p - k) / s + 1, (w + 2L * p - k) / s + 1};
        }
    }

    private record Pass(Kind kind, Geometry geometry, boolean bias) {
    }

    /** One pass's primitive with its arguments: which arrays it reads and writes, and in which layout. */
    private static final class Primitive {
        private final Onednn.Api api = Onednn.api().orElseThrow();
        private final Pointer stream;
        private final Pointer primitive;
        private final List<Argument> inputs = new ArrayList<>();
        private final List<Argument> outputs = new ArrayList<>();
        private final Memory execArgs;

        Primitive(Pass pass) {
            Geometry g = pass.geometry();
            PointerByReference ref = new PointerByReference();
            Onednn.check(api.dnnl_stream_create(ref, engine, 1), "stream_create");
            stream = ref.getValue();
            Pointer srcBf16 = Onednn.memoryDesc(g.srcShape(), Onednn.BF16, Onednn.FORMAT_ANY);
            Pointer weightsBf16 = Onednn.memoryDesc(g.weightShape(), Onednn.BF16, Onednn.FORMAT_ANY);
            Pointer dstBf16 = Onednn.memoryDesc(g.dstShape(), Onednn.BF16, Onednn.FORMAT_ANY);
            Pointer srcF32 = Onednn.memoryDesc(g.srcShape(), Onednn.F32, Onednn.FORMAT_ANY);
            Pointer weightsF32 = Onednn.memoryDesc(g.weightShape(), Onednn.F32, Onednn.FORMAT_ANY);
            Pointer dstF32 = Onednn.memoryDesc(g.dstShape(), Onednn.F32, Onednn.FORMAT_ANY);
            Pointer bias = pass.bias() ? Onednn.memoryDesc(new long[] {g.oc()}, Onednn.F32, Onednn.FORMAT_A)
                    : null;
            long[] strides = {g.s(), g.s()};
            long[] padding = {g.p(), g.p()};
            Pointer forward = primitiveDesc(pass.kind() == Kind.FORWARD ? dstF32 : dstBf16, srcBf16, weightsBf16,
                    bias, strides, padding);
            Pointer pd;
            switch (pass.kind()) {
                case FORWARD -> {
                    pd = forward;
                    inputs.add(new Argument(Onednn.ARG_SRC, pd, Onednn.QUERY_SRC_MD, g.srcShape(), true));
                    inputs.add(new Argument(Onednn.ARG_WEIGHTS, pd, Onednn.QUERY_WEIGHTS_MD, g.weightShape(), true));
                    if (bias != null) {
                        inputs.add(new Argument(Onednn.ARG_BIAS, bias, bias, true));
                    }
                    outputs.add(new Argument(Onednn.ARG_DST, pd, Onednn.QUERY_DST_MD, g.dstShape(), false));
                }
                case BACKWARD_DATA -> {
                    PointerByReference out = new PointerByReference();
                    Onednn.check(api.dnnl_convolution_backward_data_primitive_desc_create(out, engine,
                            Onednn.CONVOLUTION_DIRECT, srcF32, weightsBf16, dstBf16, strides, null, padding, padding,
                            forward, null), "convolution_backward_data_primitive_desc_create");
                    pd = out.getValue();
                    inputs.add(new Argument(Onednn.ARG_WEIGHTS, pd, Onednn.QUERY_WEIGHTS_MD, g.weightShape(), true));
                    inputs.add(new Argument(Onednn.ARG_DIFF_DST, pd, Onednn.QUERY_DIFF_DST_MD, g.dstShape(), true));
                    outputs.add(new Argument(Onednn.ARG_DIFF_SRC, pd, Onednn.QUERY_DIFF_SRC_MD, g.srcShape(), false));
                }
                default -> {
                    PointerByReference out = new PointerByReference();
                    Onednn.check(api.dnnl_convolution_backward_weights_primitive_desc_create(out, engine,
                            Onednn.CONVOLUTION_DIRECT, srcBf16, weightsF32, bias, dstBf16, strides, null, padding,
                            padding, forward, null), "convolution_backward_weights_primitive_desc_create");
                    pd = out.getValue();
                    inputs.add(new Argument(Onednn.ARG_SRC, pd, Onednn.QUERY_SRC_MD, g.srcShape(), true));
                    inputs.add(new Argument(Onednn.ARG_DIFF_DST, pd, Onednn.QUERY_DIFF_DST_MD, g.dstShape(), true));
                    outputs.add(new Argument(Onednn.ARG_DIFF_WEIGHTS, pd, Onednn.QUERY_DIFF_WEIGHTS_MD,
                            g.weightShape(), false));
                    if (bias != null) {
                        outputs.add(new Argument(Onednn.ARG_DIFF_BIAS, bias, bias, false));
                    }
                }
            }
            Onednn.check(api.dnnl_primitive_create(ref, pd), "primitive_create");
            primitive = ref.getValue();
            int count = inputs.size() + outputs.size();
            execArgs = new Memory(16L * count);
            int i = 0;
            for (Argument a : concat()) {
                execArgs.setInt(16L * i, a.arg);
                execArgs.setPointer(16L * i + 8, a.internal);
                i++;
            }
        }

        private List<Argument> concat() {
            List<Argument> all = new ArrayList<>(inputs);
            all.addAll(outputs);
            return all;
        }

        private Pointer primitiveDesc(Pointer dst, Pointer src, Pointer weights, Pointer bias, long[] strides,
                                      long[] padding) {
            PointerByReference out = new PointerByReference();
            Onednn.check(api.dnnl_convolution_forward_primitive_desc_create(out, engine, Onednn.FORWARD_TRAINING,
                    Onednn.CONVOLUTION_DIRECT, src, weights, bias, dst, strides, null, padding, padding, null),
                    "convolution_forward_primitive_desc_create");
            return out.getValue();
        }


        /**
         * Runs the pass on these arrays (nulls skipped), inputs first, then outputs, in the order the constructor
         * declared them. Arrays that are not one contiguous block in C order (views with strides) go through copies.
         */
        synchronized void run(INDArray... arrays) {
            List<INDArray> present = new ArrayList<>();
            for (INDArray a : arrays) {
                if (a != null) {
                    present.add(a);
                }
            }
            int i = 0;
            for (Argument a : inputs) {
                a.bind(contiguous(present.get(i++)));
                a.reorder(stream);
            }
            List<INDArray[]> copyBack = new ArrayList<>();
            for (Argument a : outputs) {
                INDArray target = present.get(i++);
                INDArray written = contiguous(target);
                if (written != target) {
                    copyBack.add(new INDArray[] {written, target});
                }
                a.bind(written);
            }
            Onednn.check(api.dnnl_primitive_execute(primitive, stream, inputs.size() + outputs.size(), execArgs),
                    "primitive_execute");
            for (Argument a : outputs) {
                a.reorder(stream);
            }
            Onednn.check(api.dnnl_stream_wait(stream), "stream_wait");
            copyBack.forEach(pair -> pair[1].assign(pair[0]));
        }

        private static INDArray contiguous(INDArray a) {
            if (a.dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("bfloat16 convolutions take float32 arrays, not " + a.dataType());
            }
            return Layout.dense(a);
        }

        /** One argument: the array's plain float32 memory and, where the primitive wants another, its own + a reorder. */
        private final class Argument {
            final int arg;
            final Pointer user;
            final Pointer internal;
            final Pointer reorderPrimitive;
            final Memory reorderArgs = new Memory(32);

            Argument(int arg, Pointer pd, int query, long[] shape, boolean input) {
                this(arg, api.dnnl_primitive_desc_query_md(pd, query, 0),
                        Onednn.memoryDesc(shape, Onednn.F32, Onednn.FORMAT_ABCD), input);
            }

            Argument(int arg, Pointer wanted, Pointer plain, boolean input) {
                this.arg = arg;
                PointerByReference ref = new PointerByReference();
                Onednn.check(api.dnnl_memory_create(ref, plain, engine, null), "memory_create");
                user = ref.getValue();
                if (api.dnnl_memory_desc_equal(wanted, plain) == 1) {
                    internal = user;
                    reorderPrimitive = null;
                } else {
                    Onednn.check(api.dnnl_memory_create(ref, wanted, engine, Onednn.ALLOCATE), "memory_create");
                    internal = ref.getValue();
                    Pointer from = input ? plain : wanted;
                    Pointer to = input ? wanted : plain;
                    Onednn.check(api.dnnl_reorder_primitive_desc_create(ref, from, engine, to, engine, null),
                            "reorder_primitive_desc_create");
                    Pointer reorderPd = ref.getValue();
                    Onednn.check(api.dnnl_primitive_create(ref, reorderPd), "primitive_create");
                    reorderPrimitive = ref.getValue();
                    reorderArgs.setInt(0, Onednn.ARG_SRC);
                    reorderArgs.setPointer(8, input ? user : internal);
                    reorderArgs.setInt(16, Onednn.ARG_DST);
                    reorderArgs.setPointer(24, input ? internal : user);
                }
            }

            /** Points the plain memory at the array (whose address already includes a view's offset). */
            void bind(INDArray a) {
                Onednn.check(api.dnnl_memory_set_data_handle(user, new Pointer(a.data().addressPointer().address())),
                        "memory_set_data_handle");
            }

            /** Copies the array into the primitive's layout (inputs) or back out of it (outputs), where they differ. */
            void reorder(Pointer stream) {
                if (reorderPrimitive != null) {
                    Onednn.check(api.dnnl_primitive_execute(reorderPrimitive, stream, 2, reorderArgs), "reorder");
                }
            }
        }
    }
}
