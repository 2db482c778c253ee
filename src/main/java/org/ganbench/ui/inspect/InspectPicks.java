package org.ganbench.ui.inspect;

import java.util.ArrayList;
import java.util.List;

/** The samples picked as endpoints, in click order (at most two; a third click starts a new pair). */
final class InspectPicks {
    private final List<Integer> picks = new ArrayList<>();

    /** Picks sample {@code index}; true when that makes a pair (time to generate the strip between them). */
    boolean pick(int index) {
        if (picks.size() == 2) {
            picks.clear();
        }
        if (!picks.contains(index)) {
            picks.add(index);
        }
        return picks.size() == 2;
    }

    void clear() {
        picks.clear();
    }

    /** 0 for the first pick, 1 for the second, -1 when {@code index} is not picked. */
    int order(int index) {
        return picks.indexOf(index);
    }

    /** The pair of endpoints, or empty while fewer than two are picked. */
    List<Integer> pair() {
        return picks.size() == 2 ? List.copyOf(picks) : List.of();
    }

    List<Integer> all() {
        return List.copyOf(picks);
    }

    /** What the picks mean for the strips, in words. */
    String describe() {
        return switch (picks.size()) {
            case 0 -> "No faces picked: the rows go from sample 2r to 2r+1; the walk's direction is random.";
            case 1 -> "From sample " + picks.get(0) + " (green): pick the face to go to.";
            default -> "From sample " + picks.get(0) + " (green) to " + picks.get(1)
                    + " (red): one strip between them, and the walk's direction from one to the other.";
        };
    }
}
