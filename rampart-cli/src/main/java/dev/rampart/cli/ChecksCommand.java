package dev.rampart.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.CatalogDocs;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckDescriptor;
import dev.rampart.report.CheckJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "checks",
    mixinStandardHelpOptions = true,
    description = "List the catalog of checks.")
final class ChecksCommand implements Callable<Integer> {

  enum Format {
    table,
    json,
    markdown
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or markdown (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    List<CheckDescriptor> catalog = BuiltInChecks.all().stream().map(Check::descriptor).toList();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(catalog.stream().map(CheckJson::of).toList()));
      }
      case markdown -> out.print(CatalogDocs.markdown(catalog));
      case table -> {
        int width = catalog.stream().mapToInt(d -> d.id().length()).max().orElse(2);
        out.printf("%-" + width + "s  %-8s  %-13s  %s%n", "ID", "SEVERITY", "CATEGORY", "TITLE");
        for (CheckDescriptor d : catalog) {
          out.printf(
              "%-" + width + "s  %-8s  %-13s  %s%n",
              d.id(),
              d.severity().id(),
              d.category().id(),
              d.title());
        }
        out.println();
        out.println(catalog.size() + " checks. `rampart explain ID` describes one.");
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
