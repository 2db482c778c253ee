package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.DetectionParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Build a dataset from already-cropped faces: each image is squared, resized to --size and "
                + "listed in manifest.csv, near-duplicates flagged.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FACES-DIR", description = "folder of face images (searched recursively)")
    Path input;

    @Option(names = "--dataset", required = true, paramLabel = "NAME-OR-DIR",
            description = "dataset name (datasets/<name>) or folder")
    String dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Override
    public Integer call() throws Exception {
        CropJob job = CropJob.importFaces(input, Workspace.current().dataset(dataset),
                datasetOptions.toOptions(0, DetectionParams.RECIPE));
        return JobRunner.run(job, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
