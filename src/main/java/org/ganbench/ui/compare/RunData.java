package org.ganbench.ui.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.ganbench.eval.EvalFigures;
import org.ganbench.eval.Evaluation;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunFolder;

/** What the comparison shows of one run, read on a worker thread. */
public record RunData(Path run, NavigableMap<Long, Path> samples, List<MetricsRow> metrics, Map<String, String> eval) {
    public static RunData read(Path run) throws IOException {
        if (!RunFolder.looksLikeRun(run)) {
            throw new IOException(run + " is not a run folder (no config.json, metrics.csv or samples/)");
        }
        RunFolder folder = new RunFolder(run);
        return new RunData(run, folder.samplesByStep(), folder.metrics(), EvalFigures.read(folder.evalFile()));
    }

    public String name() {
        return run.getFileName().toString();
    }

    /** The evaluation's nearest-training-face picture, once evaluated. */
    public Optional<Path> nearestFacesPicture() {
        return evalPicture(Evaluation.NEAREST_PNG);
    }

    /** The evaluation's closest generated pairs (birthday check), once evaluated. */
    public Optional<Path> birthdayPicture() {
        return evalPicture(Evaluation.BIRTHDAY_PNG);
    }

    private Optional<Path> evalPicture(String name) {
        Path file = new RunFolder(run).evalFile().resolveSibling(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
