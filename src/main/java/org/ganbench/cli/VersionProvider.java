package org.ganbench.cli;

import org.ganbench.common.Versions;
import org.ganbench.model.ComputeEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code --version}: GanBench's build version; with {@code --verbose}, the compute environment as {@code doctor}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Spec
    CommandSpec spec;

    @Override
    public String[] getVersion() {
        String version = "GanBench " + Versions.ganbench();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean verbose = parsed != null && parsed.hasMatchedOption(GanBenchCli.VERBOSE);
        // picocli formats version lines as format strings: a '%' in a library's text must be escaped
        return verbose ? new String[] {version, ComputeEnvironment.report().replace("%", "%%")}
                : new String[] {version};
    }
}
