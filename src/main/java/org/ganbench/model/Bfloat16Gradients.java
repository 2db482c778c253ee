package org.ganbench.model;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Optional;
import org.ganbench.common.CpuFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mixed precision where ND4J 1.0.0-M2.1's oneDNN (2.3) has it: libnd4j's {@code deconv2d_bp}, which computes the
 * discriminator's weight gradients, the generator's backward pass and DRAGAN's double backward, accepts bfloat16
 * inputs with float32 outputs, so gradients land in the float32 master weights directly. Its forward convolutions
 * and matrix products have no bfloat16 kernel (they would fall back to loops 100x slower) and stay float32.
 * <p>
 * Measured (docs/speed.md): the bfloat16 kernels pay only with AMX, about 1.9x float32 per core, and no faster
 * without it; oneDNN 2.3 uses AMX only when {@code DNNL_MAX_CPU_ISA} asks for it before its first kernel, and Linux
 * lets a process use AMX's tile registers only after {@code arch_prctl(ARCH_REQ_XCOMP_PERM)}, which oneDNN 2.3
 * does not call (its AMX kernels die of SIGILL without it). {@link #enable} does both; call it before ND4J's first
 * convolution in the process. Process-wide, as oneDNN's ISA choice is.
 */
public final class Bfloat16Gradients {
    private static final long SYS_ARCH_PRCTL = 158;
    private static final long ARCH_REQ_XCOMP_PERM = 0x1023;
    private static final long XFEATURE_XTILEDATA = 18;
    private static volatile boolean enabled;

    private Bfloat16Gradients() {
    }

    /**
     * Switches the gradient kernels to bfloat16 with AMX. Returns empty when on, else why it stays float32 (in words
     * for the user).
     */
    public static synchronized Optional<String> enable() {
        Optional<String> missing = missingCpuSupport(Platform.isLinux() && Platform.isIntel() && Platform.is64Bit()
                ? CpuFeatures.current() : CpuFeatures.parse(""));
        if (missing.isPresent()) {
            return missing;
        }
        NativeLibrary c = NativeLibrary.getInstance("c");
        c.getFunction("setenv").invokeInt(new Object[] {"DNNL_MAX_CPU_ISA", "AVX512_CORE_AMX", 0});
        long granted = c.getFunction("syscall").invokeLong(new Object[] {SYS_ARCH_PRCTL, ARCH_REQ_XCOMP_PERM,
                XFEATURE_XTILEDATA});
        if (granted != 0) {
            return Optional.of("the kernel refused the AMX tile state (arch_prctl returned " + granted + ")");
        }
        enabled = true;
        return Optional.empty();
    }

    /** Back to float32 gradient kernels (AMX stays allowed: it does not change float32 kernels). */
    public static void disable() {
        enabled = false;
    }

    public static boolean isEnabled() {
        return enabled;
    }

    /** Why a CPU with these features cannot run the bfloat16 gradients faster, or empty if it can. */
    static Optional<String> missingCpuSupport(CpuFeatures cpu) {
        if (cpu.has("amx_bf16").equals("unknown")) {
            return Optional.of("bfloat16 needs Linux on x86-64 with AMX (no /proc/cpuinfo flags here)");
        }
        if (cpu.has("amx_bf16").equals("yes") && cpu.has("amx_tile").equals("yes")) {
            return Optional.empty();
        }
        return Optional.of(cpu.has("avx512_bf16").equals("yes")
                ? "this CPU has avx512_bf16 but no AMX, on which ND4J's oneDNN 2.3 runs bfloat16 no faster than float32"
                : "this CPU has no bfloat16 instructions (avx512_bf16 or AMX)");
    }

    /** {@code a} as the gradient kernels should read it: bfloat16 when enabled and a is float32, else a itself. */
    static INDArray input(INDArray a) {
        return enabled && a.dataType() == DataType.FLOAT ? a.castTo(DataType.BFLOAT16) : a;
    }
}
