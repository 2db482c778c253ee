package org.ganbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Carries events from worker threads to the JavaFX thread without flooding it: producers {@link #offer} from any
 * thread and never wait; once per animation pulse (at most 60 a second) everything queued is handed to the consumer
 * as one batch, so the UI updates at most once per frame however fast events arrive.
 */
public final class EventCoalescer<T> {
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private final AtomicBoolean idle = new AtomicBoolean();
    private volatile boolean running;
    private AnimationTimer timer;

    /** @param consumer called on the JavaFX thread with each non-empty batch, in arrival order */
    public EventCoalescer(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Queues an event; callable from any thread. Wakes the timer if it went idle. */
    public void offer(T event) {
        queue.add(event);
        if (running && idle.compareAndSet(true, false)) {
            Platform.runLater(this::wake);
        }
    }

    private void wake() {
        if (running && timer != null) {
            timer.start();
        }
    }

    /** Starts draining once per pulse (call on the JavaFX thread). */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // Idle: stop asking for pulses (a running AnimationTimer keeps JavaFX rendering 60 times a
                    // second, which took CPU from training); the next offer wakes it.
                    if (pulse() == 0) {
                        idle.set(true);
                        timer.stop();
                        if (!queue.isEmpty() && idle.compareAndSet(true, false)) {
                            timer.start(); // an event arrived between the drain and the stop
                        }
                    }
                }
            };
        }
        running = true;
        idle.set(false);
        timer.start();
    }

    public void stop() {
        running = false;
        if (timer != null) {
            timer.stop();
        }
    }

    /** Drops whatever is queued (events of a source that was just closed). */
    public void clear() {
        queue.clear();
    }

    /** Hands everything queued so far to the consumer as one batch; returns its size (0: consumer not called). */
    public int pulse() {
        List<T> batch = new ArrayList<>();
        for (T e; (e = queue.poll()) != null; ) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
        return batch.size();
    }
}
