package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.Csv;

/**
 * The run's {@code health.csv} ({@code step,event,message}): when D began to separate real from fake for a sustained
 * stretch ({@code separated}, the failure of the source article: G stops learning) and when it stopped
 * ({@code recovered}), so that runs from the command line carry the same warning as the window. Written only on
 * those transitions, atomically.
 */
final class HealthLog {
    static final List<String> HEADER = List.of("step", "event", "message");
    static final String SEPARATED = "separated";
    static final String RECOVERED = "recovered";

    private final Path file;
    private final List<List<String>> rows = new ArrayList<>();
    private final SeparationDetector detector = new SeparationDetector();
    private boolean warning;

    /** Keeps the rows up to {@code lastStep} (the checkpoint a resumed run continues from). */
    HealthLog(Path file, long lastStep) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            List<List<String>> records = Csv.parse(Files.readString(file));
            for (List<String> r : records.subList(Math.min(1, records.size()), records.size())) {
                if (r.size() == HEADER.size() && Long.parseLong(r.get(0)) <= lastStep) {
                    rows.add(r);
                }
            }
            write();
        }
    }

    /** Records one step; writes the file when the warning is raised or cleared. */
    void accept(long step, double dReal, double dFake) throws IOException {
        String message = detector.message();
        boolean now = detector.accept(step, dReal, dFake);
        if (now != warning) {
            warning = now;
            rows.add(List.of(Long.toString(step), now ? SEPARATED : RECOVERED, now ? detector.message()
                    : "D no longer separates real from fake (was: " + message + ")"));
            write();
        }
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder(Csv.line(HEADER));
        rows.forEach(r -> text.append(Csv.line(r)));
        AtomicFiles.writeString(file, text.toString());
    }
}
