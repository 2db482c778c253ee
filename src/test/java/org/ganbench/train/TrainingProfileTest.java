package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.ganbench.common.CancellationToken;
import org.ganbench.model.OpProfile;
import org.junit.jupiter.api.Test;

class TrainingProfileTest {
    private static TrainingBenchmark.Profile profile(Algorithm algorithm) {
        TrainingBenchmark.Result r = TrainingBenchmark.run(algorithm.defaults(16, 4, 0), 1, 1, true,
                (done, total, message) -> { }, new CancellationToken());
        TrainingBenchmark.Profile p = r.profile();
        double step = r.secondsPerStep();
        double inRows = p.profiledSecondsPerStep();
        // rows that overlapped would count time twice and could sum to more than the step
        assertTrue(inRows <= step, inRows + " s in rows, step " + step + " s");
        // at ch 16 the convolutions and normalisations are most of a step; the rest is element-wise work and Java
        assertTrue(inRows >= 0.4 * step, "rows cover only " + inRows + " s of a " + step + " s step");
        assertTrue(p.sgemmGflopsPerSecond() > 0);
        return p;
    }

    private static Set<String> operations(TrainingBenchmark.Profile p, String network, String pass) {
        return p.rows().stream().filter(r -> r.network().equals(network) && r.pass().equals(pass))
                .map(OpProfile.Row::operation).collect(Collectors.toSet());
    }

    @Test
    void draganRowsCoverEveryPassAndSumToAboutTheStep() {
        TrainingBenchmark.Profile p = profile(Algorithm.DRAGAN);
        assertTrue(operations(p, "D", "forward").contains("conv + bias"), p.rows()::toString);
        assertTrue(operations(p, "D", "backward").containsAll(Set.of("conv weight grad (+ forward)",
                "conv input grad")), p.rows()::toString);
        assertTrue(operations(p, "D", "penalty double backward").containsAll(Set.of("deconv",
                "deconv input + weight grad")), p.rows()::toString);
        assertTrue(operations(p, "G", "forward").containsAll(Set.of("deconv + bias", "batch norm")),
                p.rows()::toString);
        assertTrue(operations(p, "G", "backward").containsAll(Set.of("deconv input + weight + bias grad",
                "batch norm")), p.rows()::toString);
        assertTrue(p.rows().stream().filter(r -> r.operation().equals("Adam")).count() == 2, p.rows()::toString);
        assertTrue(p.flopsPerStep() > 0);
    }

    @Test
    void snganRowsIncludeTheSpectralNorm() {
        TrainingBenchmark.Profile p = profile(Algorithm.SNGAN);
        Set<String> passes = p.rows().stream().filter(r -> r.operation().equals("spectral norm"))
                .map(OpProfile.Row::pass).collect(Collectors.toSet());
        assertTrue(passes.containsAll(Set.of("power iteration", "gradient correction")), p.rows()::toString);
    }
}
