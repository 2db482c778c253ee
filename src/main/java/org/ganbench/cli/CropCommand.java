package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.CropJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "crop", mixinStandardHelpOptions = true,
        description = "Detect anime faces in the images under a folder and crop them into a dataset "
                + "(faces/, manifest.csv, report.json). Re-running skips sources already done.")
final class CropCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT-DIR", description = "folder of illustrations (searched recursively)")
    Path input;

    @Option(names = "--dataset", required = true, paramLabel = "NAME-OR-DIR",
            description = "dataset name (datasets/<name>) or folder")
    String dataset;

    @Option(names = "--margin", defaultValue = "0.25",
            description = "fraction of the face box added on each side (default: ${DEFAULT-VALUE})")
    double margin;

    @Mixin
    DatasetOptions datasetOptions;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() throws Exception {
        CropJob job = CropJob.detectFaces(input, Workspace.current().dataset(dataset), detection.locateCascade(),
                datasetOptions.toOptions(margin, detection.params()));
        return JobRunner.run(job, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
