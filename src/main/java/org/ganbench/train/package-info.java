/** Training: the GAN algorithms and their updaters, the trainer loop, run folders (config, metrics, checkpoints, samples), training sessions and their events; also, until they move, experiments, latent paths and timelapses. */
package org.ganbench.train;
