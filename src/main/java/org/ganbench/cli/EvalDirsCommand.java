package org.ganbench.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganbench.common.CancellationToken;
import org.ganbench.dataset.FaceSet;
import org.ganbench.eval.Evaluation;
import org.ganbench.eval.FaceFolders;
import org.ganbench.eval.SyntheticDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ganbench eval dirs GENERATED REAL}: every metric on two folders, into eval.json and PNGs. */
@Command(name = "dirs", mixinStandardHelpOptions = true,
        description = "Evaluate a folder of generated faces against a folder (or dataset) of real faces: "
                + "writes eval.json, nearest_training.png and birthday_pairs.png.")
public final class EvalDirsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "folder of generated face images")
    Path generatedDir;

    @Parameters(index = "1", description = "folder of real face images, or a dataset folder (its faces/ are used)")
    Path realDir;

    @Option(names = "--n", defaultValue = "2048", description = "faces per set for SWD, MS-SSIM, FD/KID/PRDC (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", defaultValue = "eval", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        var progress = new TerminalProgressBar(err);
        CancellationToken cancel = new CancellationToken();
        FaceSet generated = FaceFolders.load(generatedDir, progress, cancel);
        FaceSet real = FaceFolders.load(realDir, progress, cancel);
        Evaluation.Settings settings = Evaluation.Settings.defaults(n, seed)
                .withModes(SyntheticDataset.hasModes(realDir));
        Map<String, Object> report = Evaluation.run(generated, real, settings, out, progress, cancel);
        if (report.containsKey("note")) {
            err.println("note: " + report.get("note"));
        }
        Evaluation.warnings(report).forEach(w -> err.println("warning: " + w));
        Summary.print(report, stdout);
        stdout.println("written: " + out.resolve(Evaluation.JSON));
        stdout.flush();
        return 0;
    }

    /** The headline figures of a report, one "name value" line each. */
    static final class Summary {
        private Summary() {
        }

        @SuppressWarnings("unchecked")
        static void print(Map<String, Object> report, java.io.PrintWriter out) {
            Map<String, Object> swd = (Map<String, Object>) report.get("swd");
            line(out, "swd_mean", swd.get("mean"));
            Map<String, Map<String, Object>> ms = (Map<String, Map<String, Object>>) report.get("ms_ssim");
            line(out, "ms_ssim_generated", ms.get("generated").get("mean"));
            line(out, "ms_ssim_real", ms.get("real").get("mean"));
            Map<String, Object> rf = (Map<String, Object>) report.get("random_features");
            for (String key : new String[] {"frechet_distance", "kid", "precision", "recall", "density", "coverage"}) {
                if (rf.containsKey(key)) {
                    line(out, "rn_" + key, rf.get(key));
                }
            }
            Map<String, Object> memo = (Map<String, Object>) report.get("memorisation");
            if (memo.containsKey("copied_fraction")) {
                line(out, "memorisation_copied_fraction", memo.get("copied_fraction"));
            }
            Map<String, Object> birthday = (Map<String, Object>) report.get("birthday");
            line(out, "birthday_closest_generated", birthday.get("closest_generated_pair"));
            line(out, "birthday_closest_real", birthday.get("closest_real_pair"));
            if (report.containsKey("modes")) {
                Map<String, Map<String, Object>> modes = (Map<String, Map<String, Object>>) report.get("modes");
                line(out, "modes_covered", modes.get("generated").get("modes_covered"));
                line(out, "modes_kl", modes.get("generated").get("kl_from_uniform"));
            }
        }

        private static void line(java.io.PrintWriter out, String name, Object value) {
            out.println(name + " " + (value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.6g", d)
                    : value == null ? "n/a" : value.toString()));
        }
    }
}
