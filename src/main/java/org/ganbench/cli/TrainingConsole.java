package org.ganbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.ganbench.train.RunFolder;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingEvent;
import org.ganbench.train.TrainingEvent.DiskSpaceLow;
import org.ganbench.train.TrainingEvent.RunFailed;
import org.ganbench.train.TrainingEvent.RunFinished;
import org.ganbench.train.TrainingEvent.RunStarted;
import org.ganbench.train.TrainingEvent.StepDone;

/**
 * Runs a trainer in the foreground of the terminal: one progress line that updates in place, and Ctrl-C stops
 * training cleanly with a checkpoint (the JVM waits for the shutdown hook) so that the run can be resumed.
 */
final class TrainingConsole {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private long total;
    private long lastDraw;
    private int lineLength;
    private StepDone latest;
    private long drawnStep = -1;

    private TrainingConsole(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Trains until the run finishes, fails or is interrupted; returns the exit code (1 when the run failed). */
    static int run(Trainer trainer, RunFolder run, PrintWriter out, PrintWriter err) throws InterruptedException {
        TrainingConsole console = new TrainingConsole(out, err);
        trainer.addListener(console::onEvent);
        Thread stopOnInterrupt = new Thread(() -> {
            trainer.stop();
            try {
                trainer.join(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ganbench-stop-training");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        trainer.start();
        try {
            while (!trainer.join(Duration.ofHours(1))) {
                // keeps waiting: a run may take days
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping the trainer
            }
        }
        if (trainer.state() == Trainer.State.STOPPED) {
            out.println("resume with: ganbench resume " + run.dir());
            out.flush();
        }
        return trainer.state() == Trainer.State.FAILED ? 1 : 0;
    }

    private synchronized void onEvent(TrainingEvent event) {
        if (event instanceof RunStarted started) {
            total = started.config().steps();
            out.println((started.step() == 0 ? "training " : "resuming at step " + started.step() + ": ")
                    + started.config().training().algorithm() + " ch " + started.config().training().ch()
                    + " batch " + started.config().training().batch() + " on " + started.config().deviceAndPrecision());
            out.flush();
        } else if (event instanceof StepDone step) {
            latest = step;
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || step.step() == total) {
                lastDraw = now;
                draw(step);
            }
        } else if (event instanceof RunFinished finished) {
            if (latest != null && latest.step() != drawnStep) {
                draw(latest);
            }
            endLine();
            out.println((finished.completed() ? "finished at step " : "stopped at step ") + finished.step());
            out.flush();
        } else if (event instanceof DiskSpaceLow low) {
            endLine();
            err.println("warning: " + low.message());
            err.flush();
        } else if (event instanceof RunFailed failed) {
            endLine();
            err.println("error: " + failed.reason());
            err.flush();
        }
        // sample grids and checkpoints are files in the run folder: the progress line stays single
    }

    private void draw(StepDone step) {
        drawnStep = step.step();
        StringBuilder line = new StringBuilder("step ").append(step.step()).append('/').append(total);
        for (Map.Entry<String, Double> loss : step.losses().entrySet()) {
            line.append("  ").append(loss.getKey()).append(' ').append(String.format("%.4f", loss.getValue()));
        }
        line.append(String.format("  D(x) %.3f  D(G(z)) %.3f  %.2f steps/s  ETA %s", step.dReal(), step.dFake(),
                step.stepsPerSecond(), eta((total - step.step()) / step.stepsPerSecond())));
        int pad = Math.max(0, lineLength - line.length());
        lineLength = line.length();
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
    }

    private void endLine() {
        if (lineLength > 0) {
            out.println();
            lineLength = 0;
        }
    }

    static String eta(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
