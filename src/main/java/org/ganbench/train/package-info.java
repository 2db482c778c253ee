/** Training: the GAN algorithms and their updaters, the trainer loop, run folders (config, metrics, checkpoints, samples), training sessions and their events. */
package org.ganbench.train;
