package org.ganbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.ganbench.common.SeriesBuffer;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.SeparationDetector;

/**
 * What the monitor knows of the run shown, without a window: its curves, its grids, what it is doing, and the lines
 * of text said about it. {@link MonitorController} feeds it events and draws it.
 */
public final class MonitorState {
    private static final double LOSS_SMOOTHING = 0.95;

    /** One saved grid: its step and file. */
    public record Grid(long step, java.nio.file.Path file) {
    }

    final SeriesBuffer lossDis = new SeriesBuffer(LOSS_SMOOTHING);
    final SeriesBuffer lossGen = new SeriesBuffer(LOSS_SMOOTHING);
    final SeriesBuffer lossGp = new SeriesBuffer(LOSS_SMOOTHING);
    final SeriesBuffer dReal = new SeriesBuffer(LOSS_SMOOTHING);
    final SeriesBuffer dFake = new SeriesBuffer(LOSS_SMOOTHING);
    final SeriesBuffer gradNorm = new SeriesBuffer(LOSS_SMOOTHING);
    private final List<Grid> grids = new ArrayList<>();
    private SeparationDetector detector = new SeparationDetector();
    private OptionalLong totalSteps = OptionalLong.empty();
    private long lastStep = -1;
    private double stepsPerSecond = Double.NaN;
    private RunActivity activity;
    private String trainerWarning = "";

    /** Forgets the run shown; {@code totalSteps} is the new run's configured length, if known. */
    public void reset(OptionalLong totalSteps) {
        for (SeriesBuffer b : List.of(lossDis, lossGen, lossGp, dReal, dFake, gradNorm)) {
            b.clear();
        }
        grids.clear();
        detector = new SeparationDetector();
        lastStep = -1;
        stepsPerSecond = Double.NaN;
        activity = null;
        trainerWarning = "";
        this.totalSteps = totalSteps;
    }

    /** Takes in one event (the controller redraws what it changed). */
    public void apply(MonitorEvent event) {
        if (event instanceof MonitorEvent.Metrics m) {
            m.rows().forEach(this::addRow);
        } else if (event instanceof MonitorEvent.Sample s) {
            grids.add(new Grid(s.step(), s.file()));
        } else if (event instanceof MonitorEvent.Activity a) {
            activity = a.activity();
        } else if (event instanceof MonitorEvent.Warning w) {
            trainerWarning = w.message();
        }
    }

    private void addRow(MetricsRow r) {
        lossDis.append(r.step(), r.lossDis());
        lossGen.append(r.step(), r.lossGen());
        lossGp.append(r.step(), r.lossGp());
        dReal.append(r.step(), r.dReal());
        dFake.append(r.step(), r.dFake());
        gradNorm.append(r.step(), r.gradNormG());
        detector.accept(r.step(), r.dReal(), r.dFake());
        lastStep = r.step();
        if (!Double.isNaN(r.stepsPerS())) {
            stepsPerSecond = r.stepsPerS();
        }
    }

    public List<Grid> grids() {
        return grids;
    }

    public long lastStep() {
        return lastStep;
    }

    /** What the run is doing, in words ("" before anything is known). */
    public String activityText() {
        return activity == null ? "" : activity.asOf(lastStep).label();
    }

    /** "step N of M", and while it runs the steps per second and the time left. */
    public String progressText() {
        if (lastStep < 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "step %,d", lastStep));
        // A run trained on past its configured length (continued to more steps) has no "of" that means anything.
        totalSteps.stream().filter(total -> total >= lastStep)
                .forEach(total -> s.append(String.format(Locale.ROOT, " of %,d", total)));
        if (activity != null && activity.showsSpeed() && !Double.isNaN(stepsPerSecond)) {
            s.append(String.format(Locale.ROOT, "   %.2f steps/s", stepsPerSecond));
            long left = totalSteps.orElse(lastStep) - lastStep;
            if (left > 0 && stepsPerSecond > 0) {
                s.append("   ETA ").append(formatDuration((long) (left / stepsPerSecond)));
            }
        }
        return s.toString();
    }

    /** The banner's text: the trainer's last warning and D separating real from fake; "" for none. */
    public String warning() {
        List<String> lines = new ArrayList<>();
        if (!trainerWarning.isEmpty()) {
            lines.add("\u26a0 " + trainerWarning);
        }
        if (detector.isWarning()) {
            lines.add("\u26a0 " + detector.message());
        }
        return String.join("\n", lines);
    }

    /** Whether the run has a penalty curve (DRAGAN); SNGAN and DCGAN have none. */
    public boolean hasPenalty() {
        for (int i = 0; i < lossGp.size(); i++) {
            if (Double.isFinite(lossGp.ys()[i])) {
                return true;
            }
        }
        return false;
    }

    static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
}
