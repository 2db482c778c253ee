package org.ganbench.ui.datasets;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganbench.dataset.FaceRejector;

/**
 * The gallery's state without a window: the faces shown, which are selected (click, Ctrl+click, Shift+click ranges)
 * and the undo stack of rejections. The controller mirrors it into the gallery.
 */
final class GallerySelection {
    private final List<Face> faces = new ArrayList<>();
    private final Set<String> selected = new LinkedHashSet<>();
    private final Deque<FaceRejector.Rejection> undo = new ArrayDeque<>();
    private int anchor = -1;

    /** Shows the faces of a dataset read anew; the selection goes, the undo stack stays (same dataset). */
    void show(List<Face> shown) {
        faces.clear();
        faces.addAll(shown);
        selected.clear();
        anchor = -1;
    }

    /** Another dataset was opened: nothing to undo there. */
    void forgetUndo() {
        undo.clear();
    }

    List<Face> faces() {
        return faces;
    }

    Set<String> selected() {
        return selected;
    }

    boolean isSelected(Face face) {
        return selected.contains(face.name());
    }

    /** A click on face {@code index}: alone, added or removed ({@code toggle}), or a range from the last click. */
    void select(int index, boolean toggle, boolean range) {
        if (index < 0 || index >= faces.size()) {
            return;
        }
        if (range && anchor >= 0) {
            if (!toggle) {
                selected.clear();
            }
            for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
                selected.add(faces.get(i).name());
            }
            return;
        }
        String name = faces.get(index).name();
        if (!toggle) {
            selected.clear();
            selected.add(name);
        } else if (!selected.remove(name)) {
            selected.add(name);
        }
        anchor = index;
    }

    void selectAll() {
        faces.forEach(f -> selected.add(f.name()));
    }

    /** The face a single-face action (open source) acts on: the first selected, or null. */
    Face firstSelected() {
        return faces.stream().filter(this::isSelected).findFirst().orElse(null);
    }

    /** Moves the selected faces to rejected/ with {@code rejector}; on failure nothing moved and nothing changes. */
    void rejectSelected(FaceRejector rejector) throws IOException {
        if (selected.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(selected);
        undo.push(rejector.reject(names));
        Set<String> gone = new HashSet<>(names);
        faces.removeIf(f -> gone.contains(f.name()));
        selected.clear();
        anchor = -1;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Puts back the faces of the last rejection (the caller reads the dataset again to show them). */
    void undoReject(FaceRejector rejector) throws IOException {
        if (!undo.isEmpty()) {
            rejector.restore(undo.peek());
            undo.pop();
        }
    }

    /** Whether a face shown is marked as a near-duplicate: only then has the mark's legend something to explain. */
    boolean showsDuplicates() {
        return faces.stream().anyMatch(Face::isDuplicate);
    }

    /** Each near-duplicate with the face it duplicates, for showing side by side. */
    List<Face[]> duplicatePairs() {
        Map<String, Face> byName = new HashMap<>();
        faces.forEach(f -> byName.put(f.name(), f));
        List<Face[]> pairs = new ArrayList<>();
        for (Face f : faces) {
            Face original = byName.get(f.duplicateOf());
            if (original != null) {
                pairs.add(new Face[] {f, original});
            }
        }
        return pairs;
    }

    /** "1,234 faces, 2 selected", and with one selected face its name and source. */
    String status() {
        String detail = "";
        if (selected.size() == 1) {
            Face f = firstSelected();
            detail = "   " + f.name() + (f.source().isEmpty() ? "" : " from " + f.source())
                    + (f.isDuplicate() ? ", duplicate of " + f.duplicateOf() : "");
        }
        return String.format("%,d faces, %,d selected", faces.size(), selected.size()) + detail;
    }
}
