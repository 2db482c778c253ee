package org.ganbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventCoalescerTest {

    @Test
    void eventsFromManyThreadsArriveInOneBatchPerPulse() throws InterruptedException {
        List<List<Integer>> batches = new ArrayList<>();
        EventCoalescer<Integer> c = new EventCoalescer<>(batches::add);
        Thread[] producers = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 2500; i++) {
                c.offer(t * 10_000 + i);
            }
        })).toArray(Thread[]::new);
        for (Thread t : producers) {
            t.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        assertEquals(10_000, c.pulse());
        assertEquals(1, batches.size(), "one UI update for 10,000 events");
        assertEquals(10_000, batches.get(0).size());
        // Each producer's events keep their order.
        List<Integer> fromFirst = batches.get(0).stream().filter(v -> v < 10_000).toList();
        assertEquals(IntStream.range(0, 2500).boxed().toList(), fromFirst);

        assertEquals(0, c.pulse());
        assertEquals(1, batches.size(), "no update for an empty pulse");
        c.offer(1);
        c.clear();
        assertEquals(0, c.pulse());
    }
}
