package org.ganbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Workspace;
import org.ganbench.experiment.ExperimentJob;
import org.ganbench.experiment.ExperimentReport;
import org.ganbench.train.Algorithm;
import org.ganbench.experiment.Experiment;
import org.ganbench.experiment.ExperimentQueue;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganbench experiment}: an algorithms x datasets matrix trained one run after another, evaluated, reported. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train every algorithm on every dataset one run after another into experiments/<id>/, evaluate "
                + "each run against its dataset and write report.png and report.html; --resume continues one "
                + "(Ctrl-C stops the current run with a checkpoint).")
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    /** A new experiment, or --resume of one. */
    static final class Mode {
        @ArgGroup(exclusive = false)
        NewExperiment plan;

        @Option(names = "--resume", paramLabel = "DIR", description = "continue the unfinished cells of experiments/<id>")
        String resume;
    }

    static final class NewExperiment {
        @Option(names = "--algos", required = true, split = ",", paramLabel = "ALGO",
                description = "algorithms, e.g. dragan,sngan")
        List<Algorithm> algorithms;

        @Option(names = "--datasets", required = true, split = ",", paramLabel = "DATASET",
                description = "datasets (names under datasets/, or folders)")
        List<String> datasets;

        @Option(names = "--steps", required = true, description = "training steps of every run")
        long steps;

        @Option(names = "--ch", defaultValue = "64", description = "network width (default ${DEFAULT-VALUE})")
        int ch;

        @Option(names = "--batch", defaultValue = "64", description = "batch size (default ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--seed", defaultValue = "0", description = "random seed of every run (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--name", description = "the experiment's id (default exp-<date>-<time>)")
        String name;

        @Option(names = "--sample-every", paramLabel = "N",
                description = "a 5x5 grid every N steps (default: a tenth of the steps, at most 1000)")
        Integer sampleEvery;

        @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "N",
                description = "checkpoint every N steps (default ${DEFAULT-VALUE})")
        int checkpointEvery;

        @Option(names = "--eval-n", defaultValue = "2048", paramLabel = "N",
                description = "images generated for each run's evaluation (default ${DEFAULT-VALUE})")
        int evalImages;
    }

    private final Function<TrainingConfig, TrainableGan> engine;

    public ExperimentCommand() {
        this(TrainableGans::create);
    }

    /** With another engine behind the TrainableGan interface (tests). */
    ExperimentCommand(Function<TrainingConfig, TrainableGan> engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.current();
        PrintWriter out = spec.commandLine().getOut();
        Experiment experiment = mode.resume != null ? Experiment.open(workspace.experiment(mode.resume))
                : Experiment.create(workspace.experiments(), mode.plan.name, plan(workspace, mode.plan));
        out.println("experiment: " + experiment.dir());
        for (Experiment.Cell cell : experiment.cells()) {
            out.println("  " + cell.label() + " -> " + experiment.runDir(cell) + " (" + state(cell) + ")");
        }
        out.flush();
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: the current run stops after its step with a checkpoint, the report is written, then the JVM ends.
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ganbench-stop-experiment");
        Runtime.getRuntime().addShutdownHook(hook);
        TerminalProgressBar bar = new TerminalProgressBar(spec.commandLine().getErr());
        boolean cancelled = false;
        try {
            ExperimentJob.run(experiment, engine, new ExperimentQueue.Listener() {
                @Override
                public void cellChanged(Experiment exp, int index) {
                    Experiment.Cell cell = exp.cells().get(index);
                    if (cell.state() == Experiment.CellState.DONE || cell.state() == Experiment.CellState.FAILED) {
                        bar.finish();
                        out.println(cell.label() + ": " + state(cell));
                        out.flush();
                    }
                }
            }, bar, cancel);
        } catch (CancellationException e) {
            cancelled = true;
        } finally {
            bar.finish();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is waiting for us
            }
        }
        out.println("report: " + experiment.dir().resolve(ExperimentReport.HTML) + " and "
                + experiment.dir().resolve(ExperimentReport.PNG));
        if (cancelled) {
            out.println("stopped; continue with: ganbench experiment --resume " + experiment.dir());
            out.flush();
            return 130;
        }
        out.flush();
        return experiment.cells().stream().anyMatch(c -> c.state() == Experiment.CellState.FAILED) ? 1 : 0;
    }

    private static Experiment.Plan plan(Workspace workspace, NewExperiment p) {
        List<String> datasets = new ArrayList<>();
        for (String d : p.datasets) {
            datasets.add(workspace.dataset(d.strip()).toString());
        }
        int sampleEvery = p.sampleEvery != null ? p.sampleEvery : (int) Math.max(1, Math.min(1000, p.steps / 10));
        return new Experiment.Plan(p.algorithms, datasets, p.steps, p.ch, p.batch, p.seed, sampleEvery,
                p.checkpointEvery, p.evalImages);
    }

    private static String state(Experiment.Cell cell) {
        String s = cell.state().name().toLowerCase(java.util.Locale.ROOT);
        return cell.message().isEmpty() ? s : s + ": " + cell.message();
    }

    /** {@code ganbench report EXP}: rewrites an experiment's report from its run folders. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Rewrite experiments/<id>/report.png and report.html from the experiment's run folders.")
    public static final class ReportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "EXPERIMENT", description = "id under experiments/, or a folder")
        String experiment;

        @Override
        public Integer call() throws IOException {
            Experiment exp = Experiment.open(Workspace.current().experiment(experiment));
            ExperimentReport.write(exp);
            spec.commandLine().getOut().println("written: " + exp.dir().resolve(ExperimentReport.PNG) + " and "
                    + exp.dir().resolve(ExperimentReport.HTML));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
