package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    private static final CancellationToken GO = new CancellationToken();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> report, String name) {
        return (Map<String, Object>) report.get(name);
    }

    @Test
    void syntheticSetAgainstItselfScoresPerfectlyWithOneThreadOrAll(@TempDir Path tmp) throws IOException {
        FaceSet faces = SyntheticFaces.generate(200, 21, ProgressListener.NONE, GO).faces();
        Evaluation.Settings settings = new Evaluation.Settings(200, 100, 50, 100, true, 1, 0);

        Map<String, Object> all = Evaluation.run(faces, faces, settings, tmp.resolve("all"), ProgressListener.NONE, GO);
        Map<String, Object> one = Evaluation.run(faces, faces, settings.withThreads(1), tmp.resolve("one"),
                ProgressListener.NONE, GO);

        assertEquals(Files.readString(tmp.resolve("all/eval.json")), Files.readString(tmp.resolve("one/eval.json")));
        Map<String, Object> rf = section(all, "random_features");
        assertEquals(1.0, (double) rf.get("precision"), 1e-12);
        assertEquals(1.0, (double) rf.get("recall"), 1e-12);
        assertEquals(0.0, (double) section(all, "memorisation").get("median_generated_to_training"), 0.0);
        assertEquals(1.0, (double) section(all, "memorisation").get("copied_fraction"), 0.0);
        Map<String, Object> modes = (Map<String, Object>) section(all, "modes").get("generated");
        assertTrue((int) modes.get("modes_covered") > 55, "modes " + modes);
        assertEquals(one.keySet(), all.keySet());
    }

    @Test
    void rejectsMismatchedSets(@TempDir Path tmp) {
        FaceSet a = TestFaces.constant(10, 64, 1, 2, 3);
        Evaluation.Settings settings = Evaluation.Settings.defaults(10, 0);
        assertThrows(IllegalArgumentException.class, () -> Evaluation.run(a, TestFaces.constant(10, 32, 1, 2, 3),
                settings, tmp, ProgressListener.NONE, GO));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.run(a, TestFaces.constant(1, 64, 1, 2, 3),
                settings, tmp, ProgressListener.NONE, GO));
    }
}
