package org.ganbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.DetectionParams;
import picocli.CommandLine.Option;

/** Options shared by the commands that detect faces: the cascade and the detection recipe. */
final class DetectionOptions {
    @Option(names = "--cascade", paramLabel = "FILE",
            description = "lbpcascade_animeface.xml (default: settings, assets/, then the user cache)")
    Path cascade;

    @Option(names = "--scale-factor", defaultValue = "1.1", description = "detectMultiScale scale step (default: ${DEFAULT-VALUE})")
    double scaleFactor;

    @Option(names = "--min-neighbors", defaultValue = "5", description = "detectMultiScale minNeighbors (default: ${DEFAULT-VALUE})")
    int minNeighbors;

    @Option(names = "--min-size", defaultValue = "24", paramLabel = "PX",
            description = "smallest face the detector looks for (default: ${DEFAULT-VALUE})")
    int minSize;

    DetectionParams params() {
        return new DetectionParams(scaleFactor, minNeighbors, minSize);
    }

    Path locateCascade() throws IOException {
        return CascadeLocator.standard().locate(cascade);
    }
}
