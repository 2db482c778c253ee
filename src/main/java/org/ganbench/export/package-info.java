/** A run as files to share: the timelapse of its sample grids, a grid as PNG, the loss curves as CSV or PNG. */
package org.ganbench.export;
