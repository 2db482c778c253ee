package org.ganbench.ui.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganbench.train.Algorithm;
import org.ganbench.experiment.Experiment;
import org.ganbench.train.Preset;

/**
 * The experiment matrix's form without a window: algorithms and datasets ticked, and the numbers shared by every
 * cell, parsed into an {@link Experiment.Plan} or the first problem in words.
 */
public final class MatrixForm {
    public static final List<String> FIELDS = List.of("steps", "ch", "batch", "seed", "eval images");

    /** The source article's pair. */
    private final Set<Algorithm> algorithms = EnumSet.of(Algorithm.DRAGAN, Algorithm.SNGAN);
    private final List<Path> datasets = new ArrayList<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    public MatrixForm() {
        texts.put("steps", "2000");
        texts.put("seed", "0");
        texts.put("eval images", "2048");
        applyPreset(Preset.DEFAULT);
    }

    public boolean has(Algorithm a) {
        return algorithms.contains(a);
    }

    public void set(Algorithm a, boolean ticked) {
        if (ticked) {
            algorithms.add(a);
        } else {
            algorithms.remove(a);
        }
    }

    public List<Path> datasets() {
        return List.copyOf(datasets);
    }

    public void set(Path dataset, boolean ticked) {
        datasets.remove(dataset);
        if (ticked) {
            datasets.add(dataset);
        }
    }

    /** Keeps only the ticked datasets that still exist. */
    public void retainDatasets(List<Path> existing) {
        datasets.retainAll(existing);
    }

    public String text(String field) {
        return texts.get(field);
    }

    public void setText(String field, String text) {
        texts.put(field, text);
    }

    /** The preset that width and batch as typed match, or CUSTOM. */
    public Preset preset() {
        try {
            return Preset.matching((int) number("ch"), (int) number("batch"));
        } catch (IllegalArgumentException e) {
            return Preset.CUSTOM;
        }
    }

    public void applyPreset(Preset preset) {
        if (preset != Preset.CUSTOM) {
            texts.put("ch", Integer.toString(preset.ch()));
            texts.put("batch", Integer.toString(preset.batch()));
        }
    }

    /** The plan asked for (a grid a tenth of the steps apart, at most every 1,000), or why there is none. */
    public Experiment.Plan plan() {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("Tick at least one algorithm.");
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("Tick at least one dataset (make one in the Datasets view).");
        }
        long steps = number("steps");
        return new Experiment.Plan(List.copyOf(algorithms), datasets.stream().map(Path::toString).toList(), steps,
                (int) number("ch"), (int) number("batch"), number("seed"), (int) Math.max(1, Math.min(1000, steps / 10)),
                (int) Math.max(1, Math.min(1000, steps)), (int) number("eval images"));
    }

    private long number(String field) {
        String text = texts.get(field).strip();
        try {
            return Long.parseLong(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text + "'.");
        }
    }
}
