package org.ganbench.train;

import java.util.ArrayDeque;
import org.ganbench.train.TrainingEvent.StepDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to one listener on a thread of its own, so that a slow listener never holds up training. A StepDone
 * that would queue behind another StepDone replaces it (the listener only wants the latest figures); every other
 * event is kept, up to {@code capacity} waiting, beyond which the publisher waits (a listener that stalls for
 * hundreds of sample grids would otherwise exhaust memory).
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final TrainingListener listener;
    private final int capacity;
    private final ArrayDeque<TrainingEvent> queue = new ArrayDeque<>();
    private final Thread thread;
    private boolean closed;

    EventDispatcher(TrainingListener listener, int capacity, String threadName) {
        this.listener = listener;
        this.capacity = capacity;
        this.thread = new Thread(this::deliverLoop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void publish(TrainingEvent event) {
        if (closed) {
            throw new IllegalStateException("dispatcher closed");
        }
        if (event instanceof StepDone && queue.peekLast() instanceof StepDone) {
            queue.pollLast();
        } else {
            boolean interrupted = false;
            while (queue.size() >= capacity) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        queue.addLast(event);
        notifyAll();
    }

    /** Delivers what is queued, then lets the thread end. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Waits until everything published was delivered (after {@link #close}); false on timeout. */
    boolean join(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    private void deliverLoop() {
        while (true) {
            TrainingEvent next;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.pollFirst();
                notifyAll();
            }
            try {
                listener.onEvent(next);
            } catch (RuntimeException e) {
                LOG.warn("training listener failed on {}", next.getClass().getSimpleName(), e);
            }
        }
    }
}
