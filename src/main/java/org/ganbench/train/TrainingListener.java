package org.ganbench.train;

/** Receives a trainer's events on a thread of its own (never the training thread); may be slow. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
