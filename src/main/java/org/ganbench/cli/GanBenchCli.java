package org.ganbench.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.ganbench.common.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: the same jobs as the window, for servers and scripts. */
@Command(name = "ganbench", mixinStandardHelpOptions = true, versionProvider = GanBenchCli.PomVersion.class,
        description = "Anime-face GAN workbench: build face datasets, train DRAGAN/SNGAN, evaluate and compare runs.",
        subcommands = {CommandLine.HelpCommand.class, DetectCommand.class, FetchCascadeCommand.class,
                CropCommand.class, ImportCommand.class, SynthCommand.class, TrainCommand.class, ResumeCommand.class,
                SampleCommand.class, EvalCommand.class, BenchCommand.class,
                InterpolateCommand.class, WalkCommand.class, TimelapseCommand.class,
                ExperimentCommand.class, ExperimentCommand.ReportCommand.class, ExportCommand.class})
public final class GanBenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers (tests) that capture its output. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with subcommands made by {@code factory} (tests put another engine behind them). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new GanBenchCli(), factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(ex));
            return 1;
        });
        return cli;
    }

    /** The message of a failed command; file-system errors carry only the path, so say what went wrong with it. */
    static String describe(Exception ex) {
        if (ex instanceof NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (ex instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (ex instanceof FileSystemException e && e.getReason() == null) {
            return "cannot write or read " + e.getFile() + " (" + e.getClass().getSimpleName() + ")";
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}: the pom's version, the one copy the About box and the installer's version also read. */
    static final class PomVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GanBench " + Versions.ganbench()};
        }
    }
}
