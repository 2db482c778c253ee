package org.ganbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.UserDirs;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.train.Algorithm;
import org.ganbench.train.TrainableGans;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;
import org.ganbench.train.TrainingSession;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.shell.AppSettings;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.ui.shell.MainWindow;
import org.ganbench.ui.training.TrainingController;

/**
 * Benchmark (a program, not a test): training throughput with the window open and the live monitor in view against
 * headless training of the same configuration, alternated A B B A. Throughput is measured the same way for both from
 * the run's metrics.csv (trainer time between the warm-up step and the last). Run it under headless Monocle or Xvfb:
 *
 * <pre>
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp CLASSPATH \
 *     org.ganbench.ui.WindowThroughputBench [algo ch batch steps rounds]
 * </pre>
 */
public final class WindowThroughputBench {
    private static final int WARMUP = 5;
    private static final int FACES = 2000;

    public static void main(String[] args) throws Exception {
        Algorithm algorithm = Algorithm.valueOf(arg(args, 0, "DRAGAN").toUpperCase(Locale.ROOT));
        int ch = Integer.parseInt(arg(args, 1, "64"));
        int batch = Integer.parseInt(arg(args, 2, "32"));
        int steps = Integer.parseInt(arg(args, 3, "60"));
        int rounds = Integer.parseInt(arg(args, 4, "2"));
        Path ws = Files.createTempDirectory("ganbench-window-bench");
        Path dataset = Files.createDirectories(ws.resolve("datasets/getchu"));
        Path faces = Files.createDirectories(dataset.resolve("faces"));
        try (var files = Files.list(SharedData.path("faces/getchu64"))) {
            for (Path face : files.sorted().limit(FACES).toList()) {
                Files.createSymbolicLink(faces.resolve(face.getFileName()), face.toAbsolutePath());
            }
        }
        Workspace workspace = new Workspace(ws);

        CountDownLatch shown = new CountDownLatch(1);
        MainWindow[] window = new MainWindow[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            AppSettings settings = new AppSettings();
            settings.width = 1280;
            settings.height = 800;
            window[0] = new MainWindow(stage, workspace, settings, ws.resolve("window.json"),
                    new DatasetActions(workspace.datasets(), new CascadeLocator(new UserDirs(ws.resolve("config"),
                            ws.resolve("cache")), ws, null), null), new DesktopFiles(file -> { }, true));
            window[0].install();
            stage.show();
            window[0].show(MainWindow.View.TRAINING);
            shown.countDown();
        });
        shown.await();
        System.out.printf("%s ch %d batch %d, %d steps (first %d not timed), %d rounds, %d cores%n", algorithm, ch,
                batch, steps, WARMUP, rounds, Runtime.getRuntime().availableProcessors());
        double[] headless = new double[rounds];
        double[] windowed = new double[rounds];
        // A B B A ...: whichever runs second in a round does not always run in the same JVM state.
        for (int r = 0; r < rounds; r++) {
            for (boolean windowTurn : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                if (windowTurn) {
                    windowed[r] = windowed(window[0], dataset, algorithm, ch, batch, steps);
                    System.out.printf("round %d window:   %.3f steps/s%n", r + 1, windowed[r]);
                } else {
                    headless[r] = headless(workspace, dataset, algorithm, ch, batch, steps, "headless-" + r);
                    System.out.printf("round %d headless: %.3f steps/s%n", r + 1, headless[r]);
                }
            }
        }
        double h = mean(headless);
        double w = mean(windowed);
        System.out.printf("mean headless %.3f steps/s, window %.3f steps/s, window/headless = %.3f%n", h, w, w / h);
        Platform.exit();
        System.exit(0); // ND4J's and JavaFX's remaining threads would keep the program alive
    }

    private static double headless(Workspace workspace, Path dataset, Algorithm algorithm, int ch, int batch, int steps,
                                   String id) throws Exception {
        try (TrainingSession session = TrainingSession.newRun(algorithm.defaults(ch, batch, 0), dataset,
                workspace.runs().resolve(id), steps, Math.max(1, steps / 6), steps, TrainableGans::create, ProgressListener.NONE,
                new CancellationToken())) {
            session.trainer().start();
            session.trainer().join(Duration.ofHours(2));
            return throughput(session.run());
        }
    }

    private static javafx.scene.control.TextField field(MainWindow window, String id) {
        return (javafx.scene.control.TextField) window.scene().lookup("#train-" + id);
    }

    private static double windowed(MainWindow window, Path dataset, Algorithm algorithm, int ch, int batch,
                                   int steps) throws Exception {
        TrainingController training = window.views().training();
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.model().refresh();
            ((javafx.scene.control.ComboBox<Path>) window.scene().lookup("#train-dataset")).setValue(dataset);
            ((javafx.scene.control.ComboBox<Algorithm>) window.scene().lookup("#train-algorithm")).setValue(algorithm);
            field(window, "ch").setText(Integer.toString(ch));
            field(window, "batch").setText(Integer.toString(batch));
            field(window, "steps").setText(Integer.toString(steps));
            // grids as often as the monitor would show them in a real run of this length
            field(window, "sample-every").setText(Integer.toString(Math.max(1, steps / 6)));
            field(window, "checkpoint-every").setText(Integer.toString(steps));
            started.countDown();
        });
        started.await();
        // The dataset's faces are counted in the background before Start can go.
        while (onFx(() -> window.scene().lookup("#train-start").isDisabled())) {
            Thread.sleep(100);
        }
        Platform.runLater(() -> ((javafx.scene.control.Button) window.scene().lookup("#train-start")).fire());
        while (onFx(() -> window.views().monitor().run() == null)) { // the run begins
            Thread.sleep(100);
        }
        while (!onFx(() -> training.phaseProperty().get() == TrainingController.Phase.IDLE)) {
            Thread.sleep(500);
        }
        return throughput(new RunFolder(onFx(() -> window.views().monitor().run())));
    }

    private static double throughput(RunFolder run) throws Exception {
        List<MetricsRow> rows = run.metrics();
        MetricsRow first = rows.get(WARMUP - 1);
        MetricsRow last = rows.get(rows.size() - 1);
        return (last.step() - first.step()) / (last.timeS() - first.timeS());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> body) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(body);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
