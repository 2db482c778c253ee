package org.ganbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbench.dataset.CascadeFetcher;
import org.ganbench.dataset.CascadeLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fetch-cascade", mixinStandardHelpOptions = true,
        description = "Download lbpcascade_animeface.xml (nagadomi/lbpcascade_animeface on GitHub) into the user "
                + "cache, checking its SHA-256.")
final class FetchCascadeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = CascadeFetcher.canonical().fetchInto(CascadeLocator.standard().cacheFile());
        spec.commandLine().getOut().println("cascade saved to " + target + " (SHA-256 verified)");
        return 0;
    }
}
