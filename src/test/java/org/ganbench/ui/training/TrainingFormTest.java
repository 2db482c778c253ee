package org.ganbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Precision;
import org.ganbench.train.Preset;
import org.ganbench.train.TrainingConfig;
import org.ganbench.ui.training.TrainingForm.Field;
import org.junit.jupiter.api.Test;

class TrainingFormTest {
    private final TrainingForm form = new TrainingForm();

    @Test
    void aFilledFormIsARequestWithTheAlgorithmsSourceHyperparameters() {
        form.setDataset(Path.of("datasets", "getchu64"), 120);
        TrainingForm.Request r = form.request();
        assertEquals(new TrainingConfig(Algorithm.DRAGAN, 64, 32, 1e-4, 0.0, 0.9, 2, 10.0, 0, Algorithm.DEFAULT_EMA_DECAY,
                Precision.F32), r.config());
        assertEquals(2000, r.steps());
        assertEquals("", form.problem());
        assertEquals(Preset.DEFAULT, form.preset());
    }

    @Test
    void bfloat16IsAskedForByItsKeyAndRefusedInWordsWhereTheMachineLacksIt() {
        TrainingForm capable = new TrainingForm(java.util.Optional::empty);
        capable.setDataset(Path.of("d"), 5);
        capable.setText(Field.PRECISION, "bf16");
        assertEquals(Precision.BF16, capable.request().config().precision());
        assertTrue(TrainingForm.describe(new org.ganbench.train.RunConfig(capable.request().config(), 10, 5, 5, 3, "d",
                "", 5, "CPU", "", "", "", "")).contains(", bfloat16 on d"));
        TrainingForm lacking = new TrainingForm(() -> java.util.Optional.of("this CPU has no bfloat16 instructions"));
        lacking.setDataset(Path.of("d"), 5);
        lacking.setText(Field.PRECISION, "bf16");
        assertEquals("bf16 is unavailable here (this CPU has no bfloat16 instructions): use f32.", lacking.problem());
        lacking.setText(Field.PRECISION, "fp8");
        assertEquals("precision must be f32 or bf16, not fp8.", lacking.problem());
    }

    @Test
    void startWaitsForADatasetWithFaces() {
        assertTrue(form.problem().startsWith("Choose a dataset"), form.problem());
        form.setDataset(Path.of("datasets", "empty"), -1);
        assertTrue(form.problem().startsWith("Counting the faces of empty"), form.problem());
        form.setDataset(Path.of("datasets", "empty"), 0);
        assertEquals("The dataset empty has no faces: crop or import some in the Datasets view first.", form.problem());
    }

    @Test
    void badFieldsSayWhatIsWrongInWords() {
        form.setDataset(Path.of("d"), 5);
        form.setText(Field.CH, "60");
        assertTrue(form.problem().startsWith("ch must be a multiple of 8"), form.problem());
        form.setText(Field.CH, "64");
        form.setText(Field.LR, "fast");
        assertEquals("lr must be a number (like 0.0001 or 1e-4), not 'fast'.", form.problem());
        form.setText(Field.LR, "1e-4");
        form.setText(Field.STEPS, "0");
        assertEquals("steps must be at least 1, not 0.", form.problem());
        form.setText(Field.STEPS, "10,000");
        assertEquals(10_000, form.request().steps(), "thousands separators are fine");
    }

    @Test
    void lambdaAppliesToDraganOnlyAndIsIgnoredOtherwise() {
        form.setDataset(Path.of("d"), 5);
        form.setAlgorithm(Algorithm.SNGAN);
        assertFalse(Field.LAMBDA.appliesTo(Algorithm.SNGAN));
        assertFalse(Field.LAMBDA.appliesTo(Algorithm.DCGAN));
        assertTrue(Field.LAMBDA.appliesTo(Algorithm.DRAGAN));
        form.setText(Field.LAMBDA, "not used");
        assertEquals(0.0, form.request().config().gradientPenalty());
        assertEquals(2e-4, form.request().config().learningRate(), "SNGAN's own learning rate");
    }

    @Test
    void presetFollowsWidthAndBatch() {
        form.applyPreset(Preset.SOURCE);
        assertEquals("512", form.text(Field.CH));
        assertEquals(Preset.SOURCE, form.preset());
        form.setText(Field.BATCH, "32");
        assertEquals(Preset.CUSTOM, form.preset());
        form.setText(Field.CH, "64");
        assertEquals(Preset.CPU, form.preset());
        form.applyPreset(Preset.CUSTOM);
        assertEquals("64", form.text(Field.CH), "Custom changes nothing");
    }

    @Test
    void everyFieldExplainsItselfWithTheSourceDefault() {
        for (Field f : Field.values()) {
            assertFalse(f.help(Algorithm.DRAGAN).isBlank(), f.label());
        }
        assertTrue(Field.LR.help(Algorithm.SNGAN).contains("0.0002"), Field.LR.help(Algorithm.SNGAN));
        assertTrue(Field.N_DIS.help(Algorithm.DRAGAN).contains("2 for this algorithm"));
        assertTrue(Field.LAMBDA.help(Algorithm.SNGAN).contains("10.0"));
    }
}
