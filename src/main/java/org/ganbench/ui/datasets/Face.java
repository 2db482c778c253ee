package org.ganbench.ui.datasets;

import java.nio.file.Path;

/** One face of the open dataset: its file in faces/, the source image it was cut from, the face it duplicates. */
public record Face(String name, Path file, String source, String duplicateOf) {
    public boolean isDuplicate() {
        return !duplicateOf.isEmpty();
    }
}
