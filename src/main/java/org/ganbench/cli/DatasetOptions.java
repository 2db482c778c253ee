package org.ganbench.cli;

import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.DetectionParams;
import org.ganbench.dataset.ImageDecoder;
import picocli.CommandLine.Option;

/** Options shared by the commands that write faces into a dataset. */
final class DatasetOptions {
    @Option(names = "--size", defaultValue = "64", paramLabel = "PX", description = "side of the written faces (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--min-face", defaultValue = "0", paramLabel = "PX",
            description = "skip (and count) faces smaller than this (default: ${DEFAULT-VALUE}, keep all)")
    int minFace;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
    Integer threads;

    @Option(names = "--dup-threshold", defaultValue = "" + CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD, paramLabel = "BITS",
            description = "faces whose perceptual hashes differ in at most this many of 64 bits are flagged as "
                    + "near-duplicates; -1 turns the check off (default: ${DEFAULT-VALUE})")
    int duplicateThreshold;

    @Option(names = "--max-pixels", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS, paramLabel = "N",
            description = "refuse larger images before decoding them (default: ${DEFAULT-VALUE})")
    long maxPixels;

    CropJob.Options toOptions(double margin, DetectionParams detection) {
        return new CropJob.Options(margin, minFace, size,
                threads != null ? threads : CropJob.Options.DEFAULTS.threads(), duplicateThreshold, maxPixels, detection);
    }
}
