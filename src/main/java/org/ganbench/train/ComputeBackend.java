package org.ganbench.train;

import org.nd4j.linalg.factory.Nd4j;

/** What ND4J computes on in this process, in one line (a run's config.json, the window's About box). */
public final class ComputeBackend {
    private ComputeBackend() {
    }

    /** E.g. "CPU (ND4J CpuBackend, 2 threads)"; loads ND4J's native backend on first use (seconds). */
    public static String describe() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        return (Nd4j.getEnvironment().isCPU() ? "CPU" : "GPU") + " (ND4J " + backend + ", "
                + Nd4j.getEnvironment().maxMasterThreads() + " threads)";
    }
}
