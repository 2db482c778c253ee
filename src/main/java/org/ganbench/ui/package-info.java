/** The JavaFX window: it observes and commands the core, never computes itself. */
package org.ganbench.ui;
