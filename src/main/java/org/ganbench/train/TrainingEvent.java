package org.ganbench.train;

import java.nio.file.Path;
import java.util.Map;

/** What a running {@link Trainer} tells its listeners. Delivered off the training thread, in order. */
public sealed interface TrainingEvent {

    /** The run (new or continued from a checkpoint) begins at {@code step}. */
    record RunStarted(RunConfig config, long step) implements TrainingEvent {
    }

    /**
     * One training step finished. When a listener lags, consecutive StepDone events waiting for it are coalesced
     * to the newest; metrics.csv keeps every step.
     */
    record StepDone(long step, Map<String, Double> losses, double dReal, double dFake, double gradNormG,
                    double stepsPerSecond) implements TrainingEvent {
        public StepDone {
            losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
        }
    }

    /** The 5x5 grid generated from the run's fixed noise, as packed RGB bytes ({@code width * height * 3}). */
    record Samples(long step, int width, int height, byte[] rgb) implements TrainingEvent {
    }

    record CheckpointSaved(long step, Path path) implements TrainingEvent {
    }

    /**
     * The run folder's file system has less free space than a checkpoint needs (checked at the start and before
     * each checkpoint); training goes on, and a checkpoint that then fails ends the run with its reason.
     */
    record DiskSpaceLow(String message, long neededBytes, long freeBytes) implements TrainingEvent {
    }

    /** The run ended without error: {@code completed} when it reached its step count, false when stopped early. */
    record RunFinished(long step, boolean completed) implements TrainingEvent {
    }

    record RunFailed(String reason) implements TrainingEvent {
    }
}
