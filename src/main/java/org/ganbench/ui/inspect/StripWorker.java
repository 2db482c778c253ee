package org.ganbench.ui.inspect;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import org.ganbench.common.CancellationToken;
import org.ganbench.ui.common.BackgroundTasks;

/**
 * Runs the Inspect view's generations, one at a time: asked again meanwhile, it generates once more when done, with
 * the form as it is then. The generator is not thread-safe, so one thread of its own owns it (not the shared pool),
 * and strips asked for one after another arrive in order. Failures go to the shared error path.
 */
final class StripWorker {
    private final InspectView view;
    private final BackgroundTasks tasks;
    private final Supplier<InspectRequest> request;
    private final Consumer<StripGenerator.Result> show;
    private final StripGenerator generator = new StripGenerator();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ganbench-inspect");
        t.setDaemon(true);
        return t;
    });
    private Task<StripGenerator.Result> running;
    private boolean generateAgain;
    private CancellationToken token;

    /** {@code request} reads the form (an IllegalArgumentException says what is wrong); {@code show} draws. */
    StripWorker(InspectView view, BackgroundTasks tasks, Supplier<InspectRequest> request,
                Consumer<StripGenerator.Result> show) {
        this.view = view;
        this.tasks = tasks;
        this.request = request;
        this.show = show;
    }

    void generate() {
        if (worker.isShutdown()) {
            return; // the window closed: a late selection event must not start work on the stopped worker
        }
        if (running != null) {
            generateAgain = true;
            return;
        }
        InspectRequest r;
        try {
            r = request.get();
        } catch (IllegalArgumentException e) {
            tasks.report("Inspect", e);
            return;
        }
        CancellationToken jobToken = new CancellationToken();
        Task<StripGenerator.Result> task = new Task<>() {
            @Override
            protected StripGenerator.Result call() {
                return generator.generate(r.run(), r.checkpoint(), r.settings(), r.pair(),
                        (d, t, m) -> updateProgress(d, t), jobToken);
            }
        };
        task.setOnSucceeded(e -> {
            finish();
            show.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            if (task.getException() instanceof CancellationException) {
                view.status.setText("cancelled");
            } else {
                tasks.report("Inspect", task.getException());
            }
        });
        running = task;
        token = jobToken;
        view.busy(true);
        view.status.setText("generating…");
        worker.execute(task);
    }

    void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    boolean isGenerating() {
        return running != null;
    }

    private void finish() {
        running = null;
        token = null;
        view.busy(false);
        if (generateAgain) {
            generateAgain = false;
            generate();
        }
    }

    /** Idempotent: the shell may close a window twice (its close request, then its hiding). */
    void close() {
        if (worker.isShutdown()) {
            return;
        }
        cancel();
        worker.execute(generator::close);
        worker.shutdown();
    }
}
