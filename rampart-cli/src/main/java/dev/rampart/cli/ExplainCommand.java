package dev.rampart.cli;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckDescriptor;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Describe one check: what it finds, why it matters, how to fix it.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CHECK-ID", description = "a check id, as `rampart checks` lists it")
  String id;

  @Override
  public Integer call() {
    List<CheckDescriptor> catalog = BuiltInChecks.all().stream().map(Check::descriptor).toList();
    CheckDescriptor d =
        catalog.stream()
            .filter(c -> c.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new UsageException("unknown check '" + id + "'; `rampart checks` lists them"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(d.id() + " — " + d.title());
    out.println();
    out.println("Severity:   " + d.severity().id());
    out.println("Category:   " + d.category().id());
    out.println("Frameworks: " + String.join(", ", d.frameworks()));
    out.println();
    out.println("Why it matters");
    out.println(indent(d.why()));
    out.println();
    out.println("Remediation");
    out.println(indent(d.remediation()));
    if (!d.notes().isEmpty()) {
      out.println();
      out.println("Notes");
      out.println(indent(d.notes()));
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static String indent(String text) {
    return Wrap.lines(text, 76).stream()
        .map(l -> "  " + l)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}
