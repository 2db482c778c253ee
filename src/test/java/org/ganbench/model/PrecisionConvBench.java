package org.ganbench.model;

import com.sun.jna.NativeLibrary;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A benchmark program (not a test): the convolution passes of the real networks' layers, and a large matrix
 * product, in float32 and bfloat16 through the same libnd4j ops training uses, interleaved round by round so that a
 * loaded machine slows both alike. Prints each pass's median GFLOP/s per precision, their ratio and the bfloat16
 * result's largest error relative to float32's. Run with {@code DNNL_VERBOSE=1} to see which oneDNN kernel ran.
 * <p>
 * Arguments: ch batch rounds [matrix side [regular expression a pass's name must contain]]. The bfloat16 passes that
 * fall back to libnd4j's generic loops take seconds each: a pattern such as {@code "grad"} leaves them out.
 */
public final class PrecisionConvBench {
    private static final DataType[] PRECISIONS = {DataType.FLOAT, DataType.BFLOAT16};

    /** One pass of one layer; {@link #run} is the op, {@code flops} its multiply-adds times 2. */
    private record Pass(String name, double flops, PassBody body) {
    }

    private interface PassBody {
        INDArray run(DataType type);
    }

    private PrecisionConvBench() {
    }

    public static void main(String[] args) {
        System.out.println("AMX tile data permission (arch_prctl ARCH_REQ_XCOMP_PERM): " + requestAmxPermission());
        int ch = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int side = args.length > 3 ? Integer.parseInt(args[3]) : 2048;
        Pattern chosen = Pattern.compile(args.length > 4 ? args[4] : "");
        List<Pass> all = new ArrayList<>();
        all.add(matmul(side));
        int[][] discriminator = {{3, ch / 8, 3, 1, 64}, {ch / 8, ch / 4, 4, 2, 64}, {ch / 4, ch / 4, 3, 1, 32},
                {ch / 4, ch / 2, 4, 2, 32}, {ch / 2, ch / 2, 3, 1, 16}, {ch / 2, ch, 4, 2, 16}, {ch, ch, 3, 1, 8}};
        for (int l = 0; l < discriminator.length; l++) {
            addConvolution(all, "D" + (l + 1), batch, discriminator[l]);
        }
        int[][] generator = {{ch, ch / 2, 4, 2, 8}, {ch / 2, ch / 4, 4, 2, 16}, {ch / 4, ch / 8, 4, 2, 32},
                {ch / 8, 3, 3, 1, 64}};
        for (int l = 0; l < generator.length; l++) {
            addTransposed(all, "G" + (l + 1), batch, generator[l]);
        }
        List<Pass> passes = all.stream().filter(pass -> chosen.matcher(pass.name()).find()).toList();
        double[][][] wall = new double[passes.size()][PRECISIONS.length][rounds];
        double[][][] cpu = new double[passes.size()][PRECISIONS.length][rounds];
        double[] error = new double[passes.size()];
        for (int p = 0; p < passes.size(); p++) { // warm-up: oneDNN creates its kernels on first use
            INDArray f32 = passes.get(p).body().run(DataType.FLOAT);
            INDArray bf16 = passes.get(p).body().run(DataType.BFLOAT16).castTo(DataType.FLOAT);
            error[p] = bf16.sub(f32).amaxNumber().doubleValue() / f32.amaxNumber().doubleValue();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < passes.size(); p++) {
                for (int t = 0; t < PRECISIONS.length; t++) {
                    int type = (r % 2 == 0) ? t : PRECISIONS.length - 1 - t; // A B, then B A
                    long startCpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    passes.get(p).body().run(PRECISIONS[type]);
                    wall[p][type][r] = (System.nanoTime() - start) / 1e9;
                    cpu[p][type][r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
                }
            }
        }
        System.out.printf(Locale.ROOT, "ch %d batch %d, %d rounds. GF/s per CPU-second of the calling thread (a loaded "
                + "machine stretches wall time, not CPU time; with OMP_NUM_THREADS=1 that thread does all the work), "
                + "best round; bf16 speed-up in CPU time (best and median round) and in wall time (median)%n", ch,
                batch, rounds);
        System.out.printf(Locale.ROOT, "%-40s %7s %9s %9s %8s %8s %8s %9s%n", "pass", "GFLOP", "f32 GF/s",
                "bf16 GF/s", "cpu best", "cpu med", "wall med", "bf16 err");
        double[] total = new double[PRECISIONS.length];
        double totalFlops = 0;
        for (int p = 0; p < passes.size(); p++) {
            Pass pass = passes.get(p);
            double f32 = best(cpu[p][0]);
            double bf16 = best(cpu[p][1]);
            if (!pass.name().startsWith("matmul")) {
                total[0] += median(cpu[p][0]);
                total[1] += median(cpu[p][1]);
                totalFlops += pass.flops();
            }
            System.out.printf(Locale.ROOT, "%-40s %7.3f %9.1f %9.1f %8.2f %8.2f %8.2f %9.2e%n", pass.name(),
                    pass.flops() / 1e9, pass.flops() / f32 / 1e9, pass.flops() / bf16 / 1e9, f32 / bf16,
                    median(cpu[p][0]) / median(cpu[p][1]), median(wall[p][0]) / median(wall[p][1]), error[p]);
        }
        System.out.printf(Locale.ROOT, "%-40s %7.3f  median CPU time f32 %.3f s, bf16 %.3f s: x %.2f%n",
                "all convolution passes above", totalFlops / 1e9, total[0], total[1], total[0] / total[1]);
    }

    private static Pass matmul(int side) {
        INDArray a = Nd4j.rand(DataType.FLOAT, side, side);
        INDArray b = Nd4j.rand(DataType.FLOAT, side, side);
        INDArray[][] operands = {{a, b}, {a.castTo(DataType.BFLOAT16), b.castTo(DataType.BFLOAT16)}};
        return new Pass("matmul " + side + "^3", 2.0 * side * side * side,
                type -> operands[type == DataType.FLOAT ? 0 : 1][0].mmul(operands[type == DataType.FLOAT ? 0 : 1][1]));
    }

    /** spec: in, out, k, stride, input side. */
    private static void addConvolution(List<Pass> passes, String layer, int batch, int[] spec) {
        int in = spec[0];
        int out = spec[1];
        int k = spec[2];
        int s = spec[3];
        int side = spec[4];
        int outSide = Convolutions.convOut(side, k, s, 1);
        double flops = 2.0 * batch * out * outSide * outSide * in * k * k;
        Operands x = new Operands(batch, in, side, side);
        Operands w = new Operands(out, in, k, k);
        Operands b = new Operands(out);
        Operands g = new Operands(batch, out, outSide, outSide);
        String name = String.format(Locale.ROOT, "%s %d->%d k%d s%d @%d", layer, in, out, k, s, side);
        passes.add(new Pass(name + " forward", flops, t -> Convolutions.conv2d(x.in(t), w.in(t), b.in(t), s, 1)));
        passes.add(new Pass(name + " input grad", flops,
                t -> Convolutions.conv2dInputGradient(w.in(t), g.in(t), s, 1)));
        // the transposed convolution's backward pass computes the weight gradient and a forward convolution
        passes.add(new Pass(name + " weight grad (+fwd)", 2 * flops,
                t -> Convolutions.conv2dWeightGradient(x.in(t), w.in(t), g.in(t), s, 1)));
    }

    /** spec: in, out, k, stride, input side. */
    private static void addTransposed(List<Pass> passes, String layer, int batch, int[] spec) {
        int in = spec[0];
        int out = spec[1];
        int k = spec[2];
        int s = spec[3];
        int side = spec[4];
        int outSide = Convolutions.deconvOut(side, k, s, 1);
        double flops = 2.0 * batch * in * side * side * out * k * k;
        Operands x = new Operands(batch, in, side, side);
        Operands w = new Operands(in, out, k, k);
        Operands g = new Operands(batch, out, outSide, outSide);
        String name = String.format(Locale.ROOT, "%s %d->%d k%d s%d @%d", layer, in, out, k, s, side);
        passes.add(new Pass(name + " forward", flops, t -> Convolutions.deconv2d(x.in(t), w.in(t), null, s, 1)));
        passes.add(new Pass(name + " input+weight grad", 2 * flops, t -> {
            INDArray gradIn = Nd4j.createUninitialized(t, x.in(t).shape());
            INDArray gradW = Nd4j.createUninitialized(t, w.in(t).shape());
            Convolutions.deconv2dBackward(x.in(t), w.in(t), g.in(t), gradIn, gradW, null, s, 1);
            return gradW;
        }));
    }

    /** A random array in every precision, the bfloat16 one rounded from the float32 one. */
    private static final class Operands {
        private final INDArray f32;
        private final INDArray bf16;

        Operands(long... shape) {
            f32 = Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
            bf16 = f32.castTo(DataType.BFLOAT16);
        }

        INDArray in(DataType type) {
            return type == DataType.FLOAT ? f32 : bf16;
        }
    }

    /**
     * Linux (5.16 on) lets a process use AMX's tile registers only after it asks; oneDNN 2.3 does not ask, so its AMX
     * kernels (opted into with {@code DNNL_MAX_CPU_ISA=AVX512_CORE_AMX}) die of SIGILL unless this ran first. The
     * permission covers the whole process. Returns the system call's result: 0 granted, -1 refused or not Linux.
     */
    static long requestAmxPermission() {
        final long sysArchPrctl = 158;
        final long archReqXcompPerm = 0x1023;
        final long xfeatureXtiledata = 18;
        try {
            return NativeLibrary.getInstance("c").getFunction("syscall")
                    .invokeLong(new Object[] {sysArchPrctl, archReqXcompPerm, xfeatureXtiledata});
        } catch (UnsatisfiedLinkError e) {
            return -1;
        }
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
