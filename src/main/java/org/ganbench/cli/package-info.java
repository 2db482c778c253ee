/** The picocli command line: one command per task, each a thin shell over the core. */
package org.ganbench.cli;
