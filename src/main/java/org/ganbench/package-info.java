/** GanBench: Main starts the window, or the command line when given arguments. */
package org.ganbench;
