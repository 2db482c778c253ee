package org.ganbench.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes: the network's op sites (convolutions, batch norm, spectral norm, Adam) report
 * each call's wall time and floating-point operations here while a recording is open. When none is, a site pays one
 * volatile read ({@link #begin}); naming the row (network and pass, read off the call stack) only happens while
 * recording. One recording at a time, on the thread that opened it; sites must not nest (a nested site would count
 * its time twice, so it fails).
 */
public final class OpProfile implements AutoCloseable {
    /** What {@link #begin} returns when nothing is recorded on this thread. */
    static final long OFF = Long.MIN_VALUE;
    private static final StackWalker STACK = StackWalker.getInstance();
    private static volatile OpProfile active;

    private final Thread owner = Thread.currentThread();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private boolean inSite;

    /** One op site's totals. {@code network} is G, D or the caller's class; {@code pass} what the call was for. */
    public record Row(String network, String pass, String operation, String shape, long calls, double seconds,
                      double flops) {
        Row add(double moreSeconds, double moreFlops) {
            return new Row(network, pass, operation, shape, calls + 1, seconds + moreSeconds, flops + moreFlops);
        }

        /** Achieved rate, or NaN for a row whose FLOPs are not counted (memory-bound element-wise work). */
        public double gflopsPerSecond() {
            return flops > 0 ? flops / seconds / 1e9 : Double.NaN;
        }
    }

    private OpProfile() {
    }

    /** Starts recording this thread's op sites until {@link #close}. */
    public static synchronized OpProfile record() {
        if (active != null) {
            throw new IllegalStateException("a profile is already being recorded");
        }
        active = new OpProfile();
        return active;
    }

    /** The rows so far, in the order their sites were first reached. */
    public synchronized List<Row> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows.values()));
    }

    @Override
    public void close() {
        synchronized (OpProfile.class) {
            if (active == this) {
                active = null;
            }
        }
    }

    /** A site's start time, or {@link #OFF}. Pair with {@link #end}. */
    static long begin() {
        OpProfile p = active;
        if (p == null || p.owner != Thread.currentThread()) {
            return OFF;
        }
        if (p.inSite) {
            throw new IllegalStateException("op sites nest: the outer one would count the inner one's time again");
        }
        p.inSite = true;
        return System.nanoTime();
    }

    /**
     * Ends a site begun at {@code start}. {@code pass} null means "from the method that called into the model's op
     * classes" (forward, backward, penalty); {@code flops} 0 means not counted.
     */
    static void end(long start, String pass, String operation, String shape, double flops) {
        if (start == OFF) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OpProfile p = active;
        StackWalker.StackFrame caller = STACK.walk(frames -> frames.filter(f -> !isOpClass(f.getClassName()))
                .findFirst()).orElseThrow();
        String network = networkOf(caller.getClassName());
        String rowPass = pass != null ? pass : passOf(caller.getMethodName());
        String key = network + '|' + rowPass + '|' + operation + '|' + shape;
        synchronized (p) {
            p.inSite = false;
            p.rows.merge(key, new Row(network, rowPass, operation, shape, 1, seconds, flops),
                    (old, added) -> old.add(seconds, flops));
        }
    }

    private static boolean isOpClass(String className) {
        return className.equals(OpProfile.class.getName()) || className.equals(Convolutions.class.getName())
                || className.equals(BatchNorm.class.getName()) || className.equals(SpectralNorm.class.getName())
                || className.equals(Adam.class.getName());
    }

    private static String networkOf(String className) {
        if (className.equals(Generator64.class.getName())) {
            return "G";
        }
        if (className.equals(Discriminator64.class.getName())) {
            return "D";
        }
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The network method's name in words where it is one of the known passes, else the name itself. */
    private static String passOf(String method) {
        return switch (method) {
            case "forward", "forwardTraining", "generate" -> "forward";
            case "backward", "deconvBackward" -> "backward";
            case "addPenaltyGradient" -> "penalty double backward";
            default -> method;
        };
    }
}
