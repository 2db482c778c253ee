package org.ganbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Chooses ND4J's backend before ND4J loads. The CUDA build carries both backends; ND4J would try CUDA first and, where
 * it cannot start, print a stack trace before falling back. Here the driver is probed first ({@link CudaProbe}); when
 * CUDA cannot run, ND4J is shown a class path without the CUDA backend, so it loads the oneDNN CPU backend quietly,
 * and one line says why.
 */
public final class ComputeBackend {
    /** {@code GANBENCH_BACKEND=cpu} (or {@code -Dganbench.backend=cpu}) trains on the CPU even where CUDA runs. */
    static final String OVERRIDE_VARIABLE = "GANBENCH_BACKEND";
    private static final String OVERRIDE_PROPERTY = "ganbench.backend";
    private static final String BACKEND_SERVICE = "META-INF/services/" + Nd4jBackend.class.getName();

    private static Choice selected;

    /**
     * The backend chosen and why.
     *
     * @param gpu       whether ND4J trains on CUDA
     * @param cudaBuild whether this build carries the CUDA backend at all
     * @param reason    why CUDA is not used (empty when it is)
     * @param cuda      what the probe found (not probed: unavailable, "not in this build" or the override)
     */
    public record Choice(boolean gpu, boolean cudaBuild, String reason, CudaStatus cuda) {
        /** The one line printed at start: "CUDA unavailable (libcuda.so.1 not found): training on the CPU". */
        public String line() {
            if (gpu) {
                return "CUDA available (GPU 0: " + cuda.gpus().get(0).describe() + "; driver for CUDA "
                        + cuda.driverVersion().orElse("?") + "): training on the GPU";
            }
            return cudaBuild ? "CUDA unavailable (" + reason + "): training on the CPU"
                    : "CPU build (" + reason + "): training on the CPU";
        }
    }

    private ComputeBackend() {
    }

    /**
     * The decision alone: CUDA when the build has it, nobody asked for the CPU and the probe finds it usable.
     *
     * @param requested the override's value ("cpu" forces the CPU; anything else, or empty, lets the probe decide)
     */
    static Choice decide(boolean cudaBuild, String requested, Supplier<CudaStatus> probe) {
        if (!cudaBuild) {
            return new Choice(false, false, "no CUDA backend in this build", CudaStatus.unavailable("not in this build"));
        }
        if ("cpu".equals(requested.trim().toLowerCase(Locale.ROOT))) {
            String why = OVERRIDE_VARIABLE + "=cpu";
            return new Choice(false, true, why, CudaStatus.unavailable("not probed: " + why));
        }
        CudaStatus status = probe.get();
        return new Choice(status.canRun(), true, status.problem().orElse(""), status);
    }

    /**
     * Chooses once per process and says so on {@code System.err} in the CUDA build; later calls return the same
     * choice. Must run before anything touches ND4J (the entry point calls it first), or ND4J has chosen already.
     */
    public static synchronized Choice select() {
        if (selected == null) {
            boolean cudaBuild = ND4JClassLoading.classPresentOnClasspath(CudaProbe.CUDA_BACKEND_CLASS);
            selected = decide(cudaBuild, requestedBackend(), CudaProbe::probe);
            if (cudaBuild && !selected.gpu()) {
                ND4JClassLoading.setNd4jClassloader(new WithoutCudaBackend(ND4JClassLoading.getNd4jClassloader()));
            }
            if (cudaBuild) {
                System.err.println(selected.line());
            }
        }
        return selected;
    }

    private static String requestedBackend() {
        String property = System.getProperty(OVERRIDE_PROPERTY);
        String variable = System.getenv(OVERRIDE_VARIABLE);
        return property != null ? property : variable != null ? variable : "";
    }

    /** ND4J's class loader less the CUDA backend's service entry; classes and every other resource are the parent's. */
    static final class WithoutCudaBackend extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        WithoutCudaBackend(ClassLoader parent) {
            super("ganbench-without-cuda", parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> urls = Collections.list(super.getResources(name));
            if (name.equals(BACKEND_SERVICE)) {
                urls.removeIf(WithoutCudaBackend::namesCudaBackend);
            }
            return Collections.enumeration(urls);
        }

        private static boolean namesCudaBackend(URL services) {
            try (InputStream in = services.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .anyMatch(line -> line.trim().equals(CudaProbe.CUDA_BACKEND_CLASS));
            } catch (IOException e) {
                return false; // an unreadable entry cannot name a backend ServiceLoader would load
            }
        }
    }
}
