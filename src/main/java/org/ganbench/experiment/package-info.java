/** Experiments: a matrix of runs (algorithms x datasets x seeds) planned in experiment.json, trained cell by cell, resumable, evaluated and summed up in a report. */
package org.ganbench.experiment;
