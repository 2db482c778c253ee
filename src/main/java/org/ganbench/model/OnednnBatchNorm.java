package org.ganbench.model;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training-mode batch normalisation of float32 arrays in oneDNN 3: the forward pass computes the batch statistics
 * itself, and the backward pass differentiates through them, each one primitive on the arrays' own NCHW or NC
 * memory. libnd4j's {@code batchnorm_bp} runs oneDNN's backward pass with the statistics held constant and adds
 * their share of the gradient in generic broadcast ops around it: 25-30 ms at batch 32 on G's 64x64 layer, of
 * which the oneDNN pass is 3-4 ms. Float64 (the checks against the reference) keeps libnd4j's ops.
 */
final class OnednnBatchNorm {
    private static final Map<Pass, Primitives> PRIMITIVES = new ConcurrentHashMap<>();

    private OnednnBatchNorm() {
    }

    /** Whether these arrays go through oneDNN 3: float32, and the library loaded. */
    static boolean applies(INDArray x) {
        return x.dataType() == DataType.FLOAT && Onednn.api().isPresent();
    }

    /** Into {@code out}, {@code mean} and {@code variance} (population): x normalised with its batch statistics. */
    static void forward(INDArray x, INDArray gamma, INDArray beta, double eps, INDArray out, INDArray mean,
                        INDArray variance) {
        primitives(x, gamma != null, eps).forward(x, mean, variance, gamma, beta, out);
    }

    /** Into {@code gradIn}, {@code gradGamma} (when gamma is used) and {@code gradBeta}. */
    static void backward(INDArray x, INDArray mean, INDArray variance, INDArray gamma, INDArray gradOut, double eps,
                         INDArray gradIn, INDArray gradGamma, INDArray gradBeta) {
        primitives(x, gamma != null, eps).backward(x, mean, variance, gradOut, gamma, gradIn, gradGamma, gradBeta);
    }

    private static Primitives primitives(INDArray x, boolean scaled, double eps) {
        return PRIMITIVES.computeIfAbsent(new Pass(Arrays.stream(x.shape()).boxed().toList(), scaled, (float) eps),
                Primitives::new);
    }

    private record Pass(List<Long> shape, boolean scaled, float eps) {
        long[] dims() {
            return shape.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** One shape's forward and backward primitives, their memory objects pointed at the arrays on each call. */
    private static final class Primitives {
        private final Onednn.Api api = Onednn.api().orElseThrow();
        private final Pointer engine = Onednn.engine();
        private final boolean scaled;
        private final Pointer stream;
        private final Pointer forward;
        private final Pointer backward;
        private final Pointer data;
        private final Pointer output;
        private final Pointer gradientIn;
        private final Pointer gradientOut;
        private final Pointer meanMemory;
        private final Pointer varianceMemory;
        private final Pointer scale;
        private final Pointer shift;
        private final Pointer gradientScale;
        private final Pointer gradientShift;

        Primitives(Pass pass) {
            scaled = pass.scaled();
            long[] dims = pass.dims();
            Pointer plain = Onednn.memoryDesc(dims, Onednn.F32,
                    dims.length == 4 ? Onednn.FORMAT_ABCD : Onednn.FORMAT_AB);
            Pointer channels = Onednn.memoryDesc(new long[] {dims[1]}, Onednn.F32, Onednn.FORMAT_A);
            int flags = Onednn.NORMALISATION_SHIFT | (scaled ? Onednn.NORMALISATION_SCALE : 0);
            PointerByReference ref = new PointerByReference();
            Onednn.check(api.dnnl_stream_create(ref, engine, 1), "stream_create");
            stream = ref.getValue();
            Onednn.check(api.dnnl_batch_normalization_forward_primitive_desc_create(ref, engine,
                    Onednn.FORWARD_TRAINING, plain, plain, pass.eps(), flags, null),
                    "batch_normalization_forward_primitive_desc_create");
            Pointer forwardPd = ref.getValue();
            Onednn.check(api.dnnl_batch_normalization_backward_primitive_desc_create(ref, engine, Onednn.BACKWARD,
                    plain, plain, plain, pass.eps(), flags, forwardPd, null),
                    "batch_normalization_backward_primitive_desc_create");
            Pointer backwardPd = ref.getValue();
            forward = primitive(forwardPd);
            backward = primitive(backwardPd);
            data = memory(plain);
            output = memory(plain);
            gradientIn = memory(plain);
            gradientOut = memory(plain);
            meanMemory = memory(channels);
            varianceMemory = memory(channels);
            scale = memory(channels);
            shift = memory(channels);
            gradientScale = memory(channels);
            gradientShift = memory(channels);
        }

        synchronized void forward(INDArray x, INDArray mean, INDArray variance, INDArray gamma, INDArray beta,
                                  INDArray out) {
            List<Argument> args = new ArrayList<>(List.of(bound(Onednn.ARG_SRC, data, x),
                    bound(Onednn.ARG_DST, output, out), bound(Onednn.ARG_MEAN, meanMemory, mean),
                    bound(Onednn.ARG_VARIANCE, varianceMemory, variance), bound(Onednn.ARG_SHIFT, shift, beta)));
            if (scaled) {
                args.add(bound(Onednn.ARG_SCALE, scale, gamma));
            }
            execute(forward, args);
        }

        synchronized void backward(INDArray x, INDArray mean, INDArray variance, INDArray gradOut, INDArray gamma,
                                   INDArray gradIn, INDArray gradGamma, INDArray gradBeta) {
            List<Argument> args = new ArrayList<>(List.of(bound(Onednn.ARG_SRC, data, x),
                    bound(Onednn.ARG_MEAN, meanMemory, mean), bound(Onednn.ARG_VARIANCE, varianceMemory, variance),
                    bound(Onednn.ARG_DIFF_DST, gradientOut, gradOut), bound(Onednn.ARG_DIFF_SRC, gradientIn, gradIn),
                    bound(Onednn.ARG_DIFF_SHIFT, gradientShift, gradBeta)));
            if (scaled) {
                args.add(bound(Onednn.ARG_SCALE, scale, gamma));
                args.add(bound(Onednn.ARG_DIFF_SCALE, gradientScale, gradGamma));
            }
            execute(backward, args);
        }

        private record Argument(int id, Pointer memory) {
        }

        private void execute(Pointer primitive, List<Argument> args) {
            Memory execArgs = new Memory(16L * args.size());
            for (int i = 0; i < args.size(); i++) {
                execArgs.setInt(16L * i, args.get(i).id());
                execArgs.setPointer(16L * i + 8, args.get(i).memory());
            }
            Onednn.check(api.dnnl_primitive_execute(primitive, stream, args.size(), execArgs), "primitive_execute");
            Onednn.check(api.dnnl_stream_wait(stream), "stream_wait");
        }

        /** Points a memory object at an array, which must be one contiguous float32 block in C order. */
        private Argument bound(int id, Pointer memory, INDArray a) {
            bind(memory, a);
            return new Argument(id, memory);
        }

        private void bind(Pointer memory, INDArray a) {
            if (a.dataType() != DataType.FLOAT || !Layout.isDense(a)) {
                throw new IllegalArgumentException("oneDNN batch norm takes contiguous float32 arrays in C order");
            }
            Onednn.check(api.dnnl_memory_set_data_handle(memory, new Pointer(a.data().addressPointer().address())),
                    "memory_set_data_handle");
        }

        private Pointer primitive(Pointer pd) {
            PointerByReference ref = new PointerByReference();
            Onednn.check(api.dnnl_primitive_create(ref, pd), "primitive_create");
            return ref.getValue();
        }

        private Pointer memory(Pointer md) {
            PointerByReference ref = new PointerByReference();
            Onednn.check(api.dnnl_memory_create(ref, md, engine, null), "memory_create");
            return ref.getValue();
        }
    }
}
