package org.ganbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private final Comparison comparison = new Comparison();

    private static RunData run(String name, Map<String, String> eval, long... gridSteps) {
        TreeMap<Long, Path> samples = new TreeMap<>();
        for (long s : gridSteps) {
            samples.put(s, Path.of(name, "samples", s + ".png"));
        }
        return new RunData(Path.of(name), samples, List.of(), eval);
    }

    @Test
    void eachRunKeepsItsColourWhileShownAndAFreedColourIsReused() {
        comparison.add(run("a", Map.of()));
        comparison.add(run("b", Map.of()));
        comparison.add(run("c", Map.of()));
        comparison.remove(Path.of("a"));
        assertEquals(1, comparison.colour(Path.of("b")), "b keeps its colour when a leaves");
        comparison.add(run("d", Map.of()));
        assertEquals(0, comparison.colour(Path.of("d")), "the colour a left is free again");
        comparison.add(run("b", Map.of("swd.mean", "3")));
        assertEquals(1, comparison.colour(Path.of("b")), "new data of a run shown keeps its colour and place");
        assertEquals(List.of("b", "c", "d"), comparison.runs().stream().map(RunData::name).toList());
    }

    @Test
    void atMostFourRuns() {
        for (String n : List.of("a", "b", "c", "d")) {
            assertTrue(comparison.add(run(n, Map.of())));
        }
        assertFalse(comparison.hasRoomFor(Path.of("e")));
        assertTrue(comparison.hasRoomFor(Path.of("a")), "a run shown can be read again");
        assertFalse(comparison.add(run("e", Map.of())));
    }

    @Test
    void theSharedStepShowsEachRunsNewestGridAtOrBeforeIt() {
        RunData a = run("a", Map.of(), 0, 100, 200);
        RunData b = run("b", Map.of(), 50, 150);
        comparison.add(a);
        comparison.add(b);
        assertEquals(List.of(0L, 50L, 100L, 150L, 200L), comparison.steps());
        assertEquals(100L, comparison.gridStepAt(a, 150));
        assertNull(comparison.gridStepAt(b, 0));
    }

    @Test
    void mainFiguresComeFirstInTheirOrder() {
        comparison.add(run("a", Map.of("seed", "0", "memorisation.copied_fraction", "0.01", "swd.mean", "4")));
        comparison.add(run("b", Map.of("random_features.coverage", "0.5")));
        List<String> keys = comparison.figureKeys();
        assertEquals(List.of("swd.mean", "random_features.coverage", "memorisation.copied_fraction"), keys.subList(0, 3));
        assertEquals("seed", keys.get(3));
    }
}
