package dev.rampart.cli;

import java.io.PrintWriter;
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
          if (causedByOutOfMemory(e)) {
            return outOfMemory(cmd.getErr());
          }
          throw e;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cli.getErr());
    }
  }

  /** An OutOfMemoryError in a worker thread reaches the command wrapped in other exceptions. */
  private static boolean causedByOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * By now the stack has unwound and the heap is free again: say what happened and how to give the
   * JVM more, instead of a stack trace and an exit code that reads as "findings".
   */
  private static int outOfMemory(PrintWriter err) {
    err.printf(
        "rampart: error: out of memory (maximum heap %d MiB): the input is too large for this"
            + " heap; give Java more, e.g. RAMPART_JAVA_OPTS=-Xmx8g%n",
        Runtime.getRuntime().maxMemory() >> 20);
    err.flush();
    return ExitCode.INPUT_ERROR.code();
  }
}
