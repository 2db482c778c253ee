package org.ganbench.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ganbench.eval.FigureLabels;

/**
 * The runs compared, without a window: at most {@link #MAX_RUNS}, each with a colour that stays its own while it is
 * shown (in the table, the grids and the curves), and the steps of the shared slider (every step any run has a grid
 * of; each run shows its newest grid at or before it).
 */
public final class Comparison {
    public static final int MAX_RUNS = 4;

    private final List<RunData> runs = new ArrayList<>();
    private final Map<Path, Integer> colours = new HashMap<>();

    public List<RunData> runs() {
        return List.copyOf(runs);
    }

    /** Whether {@code run} could join: it is shown already (and would be replaced) or there is room. */
    public boolean hasRoomFor(Path run) {
        return colours.containsKey(run) || runs.size() < MAX_RUNS;
    }

    /** Adds {@code data}, or replaces the run's older data in place (keeping its colour); false when full. */
    public boolean add(RunData data) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).run().equals(data.run())) {
                runs.set(i, data);
                return true;
            }
        }
        if (runs.size() >= MAX_RUNS) {
            return false;
        }
        BitSet taken = new BitSet();
        colours.values().forEach(taken::set);
        colours.put(data.run(), taken.nextClearBit(0));
        runs.add(data);
        return true;
    }

    public void remove(Path run) {
        runs.removeIf(r -> r.run().equals(run));
        colours.remove(run);
    }

    /** Keeps only the runs in {@code keep}. */
    public void retain(List<Path> keep) {
        for (RunData r : runs()) {
            if (!keep.contains(r.run())) {
                remove(r.run());
            }
        }
    }

    /** The colour of a run shown (0 to MAX_RUNS - 1), the same for as long as it stays. */
    public int colour(Path run) {
        Integer c = colours.get(run);
        if (c == null) {
            throw new IllegalArgumentException(run + " is not in the comparison");
        }
        return c;
    }

    /** Every step at which some run has a grid, ascending. */
    public List<Long> steps() {
        Set<Long> all = new TreeSet<>();
        runs.forEach(r -> all.addAll(r.samples().keySet()));
        return List.copyOf(all);
    }

    /** The step of the grid {@code run} shows at the shared {@code step}: its newest at or before it, else null. */
    public Long gridStepAt(RunData run, long step) {
        return run.samples().floorKey(step);
    }

    /** The figures' keys of all runs' evaluations: the main ones first (in their order), then the rest as found. */
    public List<String> figureKeys() {
        Set<String> found = new LinkedHashSet<>();
        runs.forEach(r -> found.addAll(r.eval().keySet()));
        List<String> keys = new ArrayList<>();
        for (FigureLabels.Figure f : FigureLabels.SUMMARY) {
            if (found.contains(f.key())) {
                keys.add(f.key());
            }
        }
        found.stream().filter(k -> !FigureLabels.isSummary(k)).forEach(keys::add);
        return keys;
    }
}
