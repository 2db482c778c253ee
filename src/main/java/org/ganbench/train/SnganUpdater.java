package org.ganbench.train;

import org.ganbench.model.Discriminator64;

/** SNGAN: the shared step with a spectrally normalised discriminator (one power iteration per D update). */
final class SnganUpdater extends AdversarialUpdater {
    SnganUpdater(TrainingConfig config) {
        super(config, Discriminator64.Kind.SPECTRAL_NORM);
    }
}
