package org.ganbench.eval;

import java.util.List;
import java.util.Map;

/**
 * What the figures of eval.json are called where people read them (the Compare table, reports), with the direction
 * that is better: the one place for their wording. Keys are EvalFigures' dotted names.
 */
public final class FigureLabels {
    /** A figure's key in eval.json, its short label and a sentence on what it measures. */
    public record Figure(String key, String label, String meaning) {
    }

    /** The main figures, shown first. */
    public static final List<Figure> SUMMARY = List.of(
            new Figure("swd.mean", "SWD ↓", "Sliced Wasserstein distance between generated and real faces over"
                    + " several image scales: lower means the generated faces look more like the real ones."),
            new Figure("ms_ssim.generated.mean", "MS-SSIM (diversity) ↓", "Mean structural similarity of random pairs"
                    + " of generated faces: lower means more varied faces; compare with the real faces' value."),
            new Figure("random_features.frechet_distance", "Fréchet distance ↓", "Distance between the feature"
                    + " statistics of generated and real faces (a random CNN's features, not Inception's)."),
            new Figure("random_features.coverage", "coverage ↑", "Share of real faces with a generated face among"
                    + " their nearest neighbours: higher means fewer kinds of face left out."),
            new Figure("memorisation.copied_fraction", "copied samples ↓ (0 unless it copies)", "Share of"
                    + " generated faces much nearer one training face than any other (nearest at most half the"
                    + " distance of the second nearest): above the training set's own duplicate share means the"
                    + " generator reproduces training faces."));

    /** Labels of the other figures; any not listed read as their key. */
    private static final Map<String, String> DETAIL = Map.ofEntries(
            Map.entry("ms_ssim.real.mean", "MS-SSIM of real faces (reference)"),
            Map.entry("random_features.kid", "KID ↓"),
            Map.entry("random_features.precision", "precision ↑"),
            Map.entry("random_features.recall", "recall ↑"),
            Map.entry("random_features.density", "density ↑"),
            Map.entry("birthday.closest_generated_pair", "closest generated pair (birthday check)"),
            Map.entry("birthday.closest_real_pair", "closest real pair (reference)"),
            Map.entry("memorisation.copied_fraction_real", "copied share among training faces (duplicates, reference)"),
            Map.entry("memorisation.median_nearest_to_second", "median nearest / second-nearest training distance"),
            Map.entry("checkpoint_step", "evaluated at step"));

    private FigureLabels() {
    }

    /** The label of the figure named {@code key}. */
    public static String label(String key) {
        for (Figure f : SUMMARY) {
            if (f.key().equals(key)) {
                return f.label();
            }
        }
        return DETAIL.getOrDefault(key, key);
    }

    /** Whether {@code key} is one of the main figures. */
    public static boolean isSummary(String key) {
        return SUMMARY.stream().anyMatch(f -> f.key().equals(key));
    }
}
