package org.ganbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {
    static final String HEADER = String.join(",", MetricsRow.COLUMNS) + "\n";

    @TempDir
    Path run;

    private void append(String text) throws IOException {
        Files.writeString(run.resolve("metrics.csv"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void returnsOnlyCompleteNewRowsAsTheFileGrows() throws IOException {
        MetricsTail tail = new MetricsTail(run.resolve("metrics.csv"));
        assertEquals(List.of(), tail.poll());
        append(HEADER + "1,0.5,1.2,0.7,,0.6,0.4,3.5,2.0\n2,1.0,1.1");
        List<MetricsRow> first = tail.poll();
        assertEquals(1, first.size());
        MetricsRow r = first.get(0);
        assertEquals(1, r.step());
        assertEquals(1.2, r.lossDis());
        assertTrue(Double.isNaN(r.lossGp()), "empty loss_gp is NaN");
        assertEquals(0.4, r.dFake());
        assertEquals(2.0, r.stepsPerS());

        append(",0.8,0.1,0.55,0.45,3.0,2.1\n");
        List<MetricsRow> second = tail.poll();
        assertEquals(1, second.size());
        assertEquals(2, second.get(0).step());
        assertEquals(0.8, second.get(0).lossGen());
        assertEquals(0.1, second.get(0).lossGp());
        assertEquals(List.of(), tail.poll());
    }

    @Test
    void findsColumnsByNameWhateverTheirOrder() throws IOException {
        append("loss_gen,step,extra,loss_dis\n0.9,10,x,1.5\n");
        MetricsRow r = MetricsTail.readAll(run.resolve("metrics.csv")).get(0);
        assertEquals(10, r.step());
        assertEquals(0.9, r.lossGen());
        assertEquals(1.5, r.lossDis());
        assertTrue(Double.isNaN(r.dReal()));
    }

    @Test
    void startsOverWhenTheFileIsReplacedByAShorterOne() throws IOException {
        MetricsTail tail = new MetricsTail(run.resolve("metrics.csv"));
        append(HEADER + "1,0,1,1,,0.5,0.5,1,1\n2,0,1,1,,0.5,0.5,1,1\n");
        assertEquals(2, tail.poll().size());
        Files.writeString(run.resolve("metrics.csv"), HEADER + "7,0,1,1,,0.5,0.5,1,1\n");
        assertEquals(7, tail.poll().get(0).step());
    }

    @Test
    void aGarbledNumberIsAClearError() throws IOException {
        append(HEADER + "1,0,oops,1,,0.5,0.5,1,1\n");
        IOException e = assertThrows(IOException.class, () -> MetricsTail.readAll(run.resolve("metrics.csv")));
        assertTrue(e.getMessage().contains("oops"), e.getMessage());
    }
}
