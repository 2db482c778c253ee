package org.ganbench.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J workspace for the temporary arrays of one repeated unit of work (a training step, a batch of samples):
 * an arena sized on first use and reused, instead of hundreds of off-heap allocations per step that JavaCPP frees
 * only after garbage collection (measured: a 16 MB allocation took about 120 ms once the off-heap limit was reached,
 * more than the convolutions). ND4J calls it a workspace (not the folder of {@link org.ganbench.common.Workspace}); it
 * belongs to a thread: use one from the thread that created it.
 */
final class ArrayArena {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    private final String id = "ganbench-" + System.identityHashCode(this);

    /** Opens the arena; every array allocated on this thread until the returned scope closes lives in it. */
    MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }

    /** Frees the arena of the calling thread, if it has one. */
    void release() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
            Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id));
        }
    }
}
