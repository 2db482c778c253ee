package org.ganbench.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganbench.model.OpProfile;
import org.ganbench.train.TrainingBenchmark;

/** {@code bench train --profile}'s output: Markdown tables of where a step's time went, per layer and per pass. */
final class ProfileTable {
    private ProfileTable() {
    }

    static void print(PrintWriter out, TrainingBenchmark.Result result) {
        TrainingBenchmark.Profile profile = result.profile();
        double step = result.secondsPerStep();
        int steps = profile.steps();
        out.println();
        out.println("| net | pass | op | layer | calls | ms | % of step | GFLOP | GFLOP/s |");
        out.println("|---|---|---|---|---:|---:|---:|---:|---:|");
        for (OpProfile.Row row : profile.rows()) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f | %.1f | %s | %s |%n", row.network(),
                    row.pass(), row.operation(), row.shape(), (double) row.calls() / steps,
                    row.seconds() / steps * 1e3, 100 * row.seconds() / steps / step, gflop(row.flops() / steps),
                    rate(row));
        }
        out.println();
        out.println("| by pass, largest first | calls | ms | % of step | GFLOP | GFLOP/s |");
        out.println("|---|---:|---:|---:|---:|---:|");
        Map<String, OpProfile.Row> byPass = new LinkedHashMap<>();
        for (OpProfile.Row row : profile.rows()) {
            byPass.merge(row.network() + " " + row.pass() + ": " + row.operation(), row, (a, b) ->
                    new OpProfile.Row(a.network(), a.pass(), a.operation(), "", a.calls() + b.calls(),
                            a.seconds() + b.seconds(), a.flops() + b.flops()));
        }
        List<Map.Entry<String, OpProfile.Row>> sorted = byPass.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> -e.getValue().seconds())).toList();
        for (Map.Entry<String, OpProfile.Row> e : sorted) {
            OpProfile.Row row = e.getValue();
            out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s |%n", e.getKey(), (double) row.calls() / steps,
                    row.seconds() / steps * 1e3, 100 * row.seconds() / steps / step, gflop(row.flops() / steps),
                    rate(row));
        }
        double profiled = profile.profiledSecondsPerStep();
        double stepRate = profile.flopsPerStep() / step / 1e9;
        double sgemm = profile.sgemmGflopsPerSecond();
        out.println();
        out.printf(Locale.ROOT, "step %.3f s: profiled sites %.3f s (%.1f%%), elsewhere %.3f s (activations, linear "
                        + "layers, losses, copies, Java)%n", step, profiled, 100 * profiled / step, step - profiled);
        out.printf(Locale.ROOT, "step %.1f GFLOP at %.1f GFLOP/s; float32 sgemm %dx%d in this process %.1f GFLOP/s "
                        + "(mean of %d, one before each timed step): the step runs at %.1f%% of it%n",
                profile.flopsPerStep() / 1e9, stepRate, profile.sgemmSide(), profile.sgemmSide(), sgemm, profile.sgemmGflops().length,
                100 * stepRate / sgemm);
    }

    private static String gflop(double flops) {
        return flops > 0 ? String.format(Locale.ROOT, "%.3f", flops / 1e9) : "-";
    }

    private static String rate(OpProfile.Row row) {
        double r = row.gflopsPerSecond();
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f", r);
    }
}
