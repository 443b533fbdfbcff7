package dev.rampart.cli;

import picocli.CommandLine.Command;

@Command(
    name = "rampart",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Agentless Kubernetes security posture and attack-path analysis.",
    subcommands = {
      ScanCommand.class,
      ChecksCommand.class,
      ExplainCommand.class,
      WhoCanCommand.class,
      AccessCommand.class,
      PathsCommand.class,
      DataCommand.class,
      ReachCommand.class,
      SnapshotCommand.class,
      GenerateCommand.class,
      ServeCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,",
      "2 usage or configuration error, 3 an input could not be read (the rest",
      "was scanned), 4 a check not evaluated under --require-coverage."
    })
final class RampartCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
