/** Looking inside a trained generator: interpolations and walks through its latent space, drawn as image strips. */
package org.ganbench.inspect;
