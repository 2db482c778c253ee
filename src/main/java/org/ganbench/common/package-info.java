/** Plain building blocks every other package may use: atomic file writes, cancellation, progress, CSV, images, seeds, user settings and the workspace; nothing of GANs. */
package org.ganbench.common;
