package org.ganbench.ui.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One generation the Inspect form asks for, without a window: the run, the checkpoint (null: the newest, read from
 * generator.zip, which stays valid while a trainer prunes old checkpoints), the parsed settings and the picked pair.
 */
record InspectRequest(Path run, Long checkpoint, InspectSettings settings, List<Integer> pair) {

    /**
     * The request for {@code run} at the {@code chosen} one of its {@code checkpoints}; an IllegalArgumentException
     * says in words what is missing or which field of the {@code form} is wrong.
     */
    static InspectRequest of(Path run, List<Long> checkpoints, Long chosen, Supplier<InspectSettings> form,
                             List<Integer> pair) {
        if (run == null) {
            throw new IllegalArgumentException("Choose a run first, or open one from disk (Open run…).");
        }
        InspectSettings settings = form.get();
        boolean newest = chosen == null || chosen.equals(checkpoints.get(checkpoints.size() - 1));
        return new InspectRequest(run, newest ? null : chosen, settings, List.copyOf(pair));
    }
}
