package dev.rampart.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new RampartCommand());
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
    cli.setParameterExceptionHandler(
        (e, argv) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("rampart: " + e.getMessage());
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          }
          return ExitCode.USAGE.code();
        });
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof UsageException) {
            cmd.getErr().println("rampart: " + e.getMessage());
            return ExitCode.USAGE.code();
          }
          if (e instanceof InputException) {
            cmd.getErr().println("rampart: error: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
          }
          throw e;
        });
    return cli.execute(args);
  }
}
