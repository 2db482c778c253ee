package org.ganbench.experiment;

import java.io.IOException;
import java.util.function.Function;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.eval.RunEvaluation;
import org.ganbench.train.TrainableGan;
import org.ganbench.train.Trainer;
import org.ganbench.train.TrainingConfig;

/**
 * What {@code ganbench experiment} and the window run: the experiment's queue, each finished run evaluated against its
 * own dataset (RunEvaluation, every core: nothing trains beside it) and the report rewritten after every cell and at
 * the end, also when the queue was cancelled or a cell failed.
 */
public final class ExperimentJob {
    private ExperimentJob() {
    }

    public static void run(Experiment experiment, Function<TrainingConfig, TrainableGan> engine,
                           ExperimentQueue.Listener listener, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        ExperimentQueue.Listener reporting = new ExperimentQueue.Listener() {
            @Override
            public void cellChanged(Experiment exp, int index) throws IOException {
                Experiment.CellState state = exp.cells().get(index).state();
                if (state == Experiment.CellState.DONE || state == Experiment.CellState.FAILED) {
                    ExperimentReport.write(exp);
                }
                listener.cellChanged(exp, index);
            }

            @Override
            public void trainerStarted(Experiment exp, int index, Trainer trainer) {
                listener.trainerStarted(exp, index, trainer);
            }
        };
        ExperimentQueue queue = new ExperimentQueue(experiment, engine, (exp, cell, run, p, c) ->
                RunEvaluation.run(run, null, null, false, exp.plan().evalImages(), exp.plan().seed(), 0, p, c), reporting);
        try {
            queue.run(progress, cancel);
        } finally {
            ExperimentReport.write(experiment);
        }
    }
}
