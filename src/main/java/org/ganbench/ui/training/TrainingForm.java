package org.ganbench.ui.training;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ganbench.model.Bfloat16Convolutions;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Precision;
import org.ganbench.train.Preset;
import org.ganbench.train.RunConfig;
import org.ganbench.train.TrainingConfig;

/**
 * The Training form without a window: the chosen dataset (and how many faces it has), the algorithm and the text of
 * each field, parsed into a {@link Request} or the first problem in words a user understands. The controller binds
 * its controls to it; tests drive it directly.
 */
public final class TrainingForm {
    /** The form's fields: name shown, what it means (a tooltip), and the algorithms it applies to. */
    public enum Field {
        CH("ch", "Width of both networks (channels of the widest layer).\nchainer-gan-lib: 512."
                + "\nWider learns finer faces but each step costs about the square of the width; 64 trains on a CPU."),
        BATCH("batch", "Faces per training step.\nchainer-gan-lib: 64.\nLarger gives smoother gradients and costs"
                + " proportionally more per step; smaller is noisier and may need a lower learning rate."),
        LR("lr", "Adam's learning rate for both networks.\nchainer-gan-lib: %s for this algorithm.\nHigher learns"
                + " faster but may oscillate or collapse; lower is steadier and slower."),
        N_DIS("n_dis", "Discriminator updates per generator update.\nchainer-gan-lib: %s for this algorithm.\nMore"
                + " keeps D ahead of G (steadier gradients) at the cost of time per step."),
        LAMBDA("lambda", "Weight of DRAGAN's gradient penalty (around the real faces).\nchainer-gan-lib: %s.\nHigher"
                + " smooths D more and prevents mode collapse, but too high slows learning. DRAGAN only."),
        EMA_DECAY("ema decay", "Decay of the moving average of G's weights that the grids, Inspect, Compare and"
                + " evaluation sample (0: none; training is the same either way).\nProgressive GAN, BigGAN and StyleGAN"
                + " sample such an average for cleaner faces at no training cost.\nNearer 1 averages over more"
                + " steps: 0.999 over about the last 1,000."),
        STEPS("steps", "Generator updates to train for (a stopped run can be continued to more)."
                + "\nchainer-gan-lib trained for 100,000."),
        SAMPLE_EVERY("sample every", "Steps between the 5x5 sample grids of fixed noise (the monitor's pictures)."
                + "\nMore often costs a generator pass each time."),
        CHECKPOINT_EVERY("checkpoint every", "Steps between checkpoints (where Stop, a crash or Continue resume from)."
                + "\nEach one writes both networks and the Adam state to disk."),
        SEED("seed", "Seed of the initial weights, the data order and the sample noise: the same seed and settings"
                + " train the same run again."),
        PRECISION("precision", "f32 (float32 throughout), or bf16: the convolutions in bfloat16 with float32"
                + " results, weights and optimiser state.\nNeeds a CPU with avx512_bf16 or AMX; its convolutions"
                + " then run at about twice the rate.\nLearns like float32 within the seeds' spread (docs/speed.md).");

        private final String label;
        private final String help;

        Field(String label, String help) {
            this.label = label;
            this.help = help;
        }

        public String label() {
            return label;
        }

        /** Whether the field means anything for {@code algorithm} (lambda is DRAGAN's penalty). */
        public boolean appliesTo(Algorithm algorithm) {
            return this != LAMBDA || algorithm == Algorithm.DRAGAN;
        }

        /** The tooltip: what the field is, the source's default for {@code algorithm}, what changing it does. */
        public String help(Algorithm algorithm) {
            TrainingConfig d = algorithm.defaults(8, 1, 0);
            return switch (this) {
                case LR -> String.format(Locale.ROOT, help, plain(d.learningRate()));
                case N_DIS -> String.format(Locale.ROOT, help, d.nDis());
                case LAMBDA -> String.format(Locale.ROOT, help, Algorithm.DRAGAN.defaults(8, 1, 0).gradientPenalty());
                default -> help;
            };
        }
    }

    /** What the form asks for. */
    public record Request(TrainingConfig config, long steps, int sampleEvery, int checkpointEvery) {
    }

    private final Map<Field, String> texts = new EnumMap<>(Field.class);
    private Algorithm algorithm;
    private Path dataset;
    /** Faces in the dataset chosen; -1 while they are being counted. */
    private int datasetFaces = -1;
    private final Supplier<Optional<String>> bfloat16Unavailable;

    public TrainingForm() {
        this(Bfloat16Convolutions::unavailable);
    }

    /** With {@code bfloat16Unavailable} saying why this machine has no bfloat16 convolutions (empty: it has). */
    TrainingForm(Supplier<Optional<String>> bfloat16Unavailable) {
        this.bfloat16Unavailable = bfloat16Unavailable;
        texts.put(Field.STEPS, "2000");
        texts.put(Field.SAMPLE_EVERY, "100");
        texts.put(Field.CHECKPOINT_EVERY, "500");
        texts.put(Field.SEED, "0");
        texts.put(Field.EMA_DECAY, plain(Algorithm.DEFAULT_EMA_DECAY));
        texts.put(Field.PRECISION, Precision.F32.key());
        applyPreset(Preset.DEFAULT);
        setAlgorithm(Algorithm.DRAGAN);
    }

    public String text(Field field) {
        return texts.get(field);
    }

    public void setText(Field field, String text) {
        texts.put(field, text == null ? "" : text);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** Chooses the algorithm and fills in its source hyperparameters (lr, n_dis, lambda). */
    public void setAlgorithm(Algorithm algorithm) {
        this.algorithm = algorithm;
        TrainingConfig d = algorithm.defaults(8, 1, 0);
        texts.put(Field.LR, plain(d.learningRate()));
        texts.put(Field.N_DIS, Integer.toString(d.nDis()));
        texts.put(Field.LAMBDA, Double.toString(d.gradientPenalty()));
    }

    public Path dataset() {
        return dataset;
    }

    /** Chooses a dataset with its number of faces ({@code -1}: not counted yet). */
    public void setDataset(Path dataset, int faces) {
        this.dataset = dataset;
        this.datasetFaces = faces;
    }

    /** Sets width and batch from {@code preset} (CUSTOM changes nothing). */
    public void applyPreset(Preset preset) {
        if (preset != Preset.CUSTOM) {
            texts.put(Field.CH, Integer.toString(preset.ch()));
            texts.put(Field.BATCH, Integer.toString(preset.batch()));
        }
    }

    /** The preset that width and batch as typed match, or CUSTOM. */
    public Preset preset() {
        try {
            return Preset.matching(Integer.parseInt(text(Field.CH).strip()), Integer.parseInt(text(Field.BATCH).strip()));
        } catch (NumberFormatException e) {
            return Preset.CUSTOM;
        }
    }

    /** The first problem with the form, or "" when Start can go. */
    public String problem() {
        try {
            request();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The request, or an IllegalArgumentException saying (in the user's words) what is wrong. */
    public Request request() {
        if (dataset == null) {
            throw new IllegalArgumentException("Choose a dataset (make one in the Datasets view).");
        }
        if (datasetFaces == 0) {
            throw new IllegalArgumentException("The dataset " + dataset.getFileName() + " has no faces: crop or import"
                    + " some in the Datasets view first.");
        }
        if (datasetFaces < 0) {
            throw new IllegalArgumentException("Counting the faces of " + dataset.getFileName() + "…");
        }
        TrainingConfig d = algorithm.defaults(8, 1, 0);
        int ch = integer(Field.CH);
        if (ch < 8 || ch % 8 != 0) {
            throw new IllegalArgumentException("ch must be a multiple of 8 (64 on a CPU, 512 as in the source), not "
                    + ch + ".");
        }
        int batch = atLeastOne(Field.BATCH);
        double lr = decimal(Field.LR);
        if (!(lr > 0)) {
            throw new IllegalArgumentException("lr must be above 0 (the source uses " + d.learningRate() + ").");
        }
        int nDis = atLeastOne(Field.N_DIS);
        double lambda = Field.LAMBDA.appliesTo(algorithm) ? decimal(Field.LAMBDA) : d.gradientPenalty();
        if (lambda < 0) {
            throw new IllegalArgumentException("lambda must not be negative.");
        }
        long seed = integer(Field.SEED);
        double emaDecay = decimal(Field.EMA_DECAY);
        if (!(emaDecay == 0 || emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("ema decay must be 0 (no average) or between 0 and 1, such as 0.999.");
        }
        Precision precision;
        try {
            precision = Precision.parse(text(Field.PRECISION));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision must be f32 or bf16, not " + text(Field.PRECISION).strip()
                    + ".");
        }
        if (precision == Precision.BF16) {
            bfloat16Unavailable.get().ifPresent(why -> {
                throw new IllegalArgumentException("bf16 is unavailable here (" + why + "): use f32.");
            });
        }
        TrainingConfig config = new TrainingConfig(algorithm, ch, batch, lr, d.beta1(), d.beta2(), nDis, lambda, seed,
                emaDecay, precision);
        return new Request(config, atLeastOne(Field.STEPS), atLeastOne(Field.SAMPLE_EVERY),
                atLeastOne(Field.CHECKPOINT_EVERY));
    }

    /**
     * Whether {@code run} is what the form describes (algorithm and hyperparameters; the dataset by name), so that
     * continuing it needs no question. The step counts do not count: continuing to more steps is what Continue is for.
     */
    public boolean describes(RunConfig run) {
        try {
            TrainingConfig wanted = request().config();
            return run.training().equals(wanted)
                    && Path.of(run.dataset()).getFileName().equals(dataset.getFileName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The step count typed, or 0 when it is no number (continuing a run then keeps its own). */
    public long stepsAsked() {
        try {
            return integer(Field.STEPS);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** A run's settings in one line: "DRAGAN, ch 64, batch 32, lr 0.0001, n_dis 2, lambda 10.0, EMA 0.999 on getchu64". */
    public static String describe(RunConfig run) {
        TrainingConfig t = run.training();
        return String.format(Locale.ROOT, "%s, ch %d, batch %d, lr %s, n_dis %d%s%s%s on %s", t.algorithm(), t.ch(),
                t.batch(), plain(t.learningRate()), t.nDis(),
                Field.LAMBDA.appliesTo(t.algorithm()) ? ", lambda " + t.gradientPenalty() : "",
                t.emaDecay() > 0 ? ", EMA " + plain(t.emaDecay()) : "",
                t.precision() == Precision.F32 ? "" : ", " + t.precision().description(),
                Path.of(run.dataset()).getFileName());
    }

    /** 0.0001 rather than 1.0E-4. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private int atLeastOne(Field field) {
        int value = integer(field);
        if (value < 1) {
            throw new IllegalArgumentException(field.label() + " must be at least 1, not " + value + ".");
        }
        return value;
    }

    private int integer(Field field) {
        String text = text(field).strip();
        try {
            return Integer.parseInt(text.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.label() + " must be a whole number, not '" + text + "'.");
        }
    }

    private double decimal(Field field) {
        String text = text(field).strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.label() + " must be a number (like 0.0001 or 1e-4), not '"
                    + text + "'.");
        }
    }
}
