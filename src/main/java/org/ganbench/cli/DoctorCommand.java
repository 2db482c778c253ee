package org.ganbench.cli;

import org.ganbench.model.ComputeEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ganbench doctor}: what GanBench computes with here, for a bug report or a "why is it slow". */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show Java, Deeplearning4j, the ND4J backend and why it was chosen, the device and its memory, "
                + "CUDA/cuDNN, oneDNN and the CPU's bfloat16/AMX support.")
final class DoctorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(ComputeEnvironment.report());
    }
}
