package dev.rampart.cli;

import dev.rampart.cli.RbacJson.EscalationJson;
import dev.rampart.cli.RbacJson.GrantJson;
import dev.rampart.cli.RbacJson.SubjectJson;
import dev.rampart.rbac.Escalation;
import dev.rampart.rbac.Grant;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.ServiceAccountTokens;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description = {
      "What SUBJECT may do, and whether it is effectively cluster-admin.",
      "Counts what its groups hold, with aggregated ClusterRoles resolved."
    },
    footer = {"", "Exit codes: 0 answered, 2 usage error, 3 an input could not be read."})
final class AccessCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SUBJECT",
      description = "system:serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME")
  String subjectText;

  @Parameters(
      index = "1..*",
      paramLabel = "PATH",
      description = "YAML/JSON manifests, directories (read recursively) or - for stdin")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    Subject subject;
    try {
      subject = Subject.parse(subjectText);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Snapshot snapshot = source.load(paths, spec.commandLine().getErr());
    Rbac rbac = Rbac.of(snapshot);
    List<Grant> grants = rbac.grantsOf(subject);
    List<Escalation> escalations = rbac.escalations().of(subject);
    List<Workload> mounted = rbac.tokens().mountedBy(subject);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(
          RbacJson.MAPPER.writeValueAsString(json(subject, rbac, grants, escalations, mounted)));
    } else {
      table(out, subject, rbac, grants, escalations, mounted);
    }
    out.flush();
    return SourceOptions.exitCode(snapshot, WhoCanCommand.RBAC_KINDS).code();
  }

  /**
   * @param exists for a service account, whether the snapshot has it
   * @param tokenMountedIn running workloads that carry its token (or, for a group, its members')
   */
  record AccessJson(
      SubjectJson subject,
      Boolean exists,
      List<SubjectJson> groups,
      List<String> tokenMountedIn,
      List<GrantJson> permissions,
      ClusterAdminJson clusterAdmin) {}

  record ClusterAdminJson(boolean effective, boolean direct, List<EscalationJson> via) {}

  private static AccessJson json(
      Subject s,
      Rbac rbac,
      List<Grant> grants,
      List<Escalation> escalations,
      List<Workload> mounted) {
    return new AccessJson(
        SubjectJson.of(s),
        s.isServiceAccount() ? rbac.serviceAccountExists(s.namespace(), s.name()) : null,
        s.groups().stream().map(SubjectJson::of).toList(),
        mounted.stream().map(w -> w.object().ref().display()).toList(),
        grants.stream().map(GrantJson::of).toList(),
        new ClusterAdminJson(
            !escalations.isEmpty(),
            escalations.stream().anyMatch(Escalation::isDirect),
            escalations.stream().map(EscalationJson::of).toList()));
  }

  private static void table(
      PrintWriter out,
      Subject s,
      Rbac rbac,
      List<Grant> grants,
      List<Escalation> escalations,
      List<Workload> mounted) {
    out.println(s.display());
    if (s.isServiceAccount() && !rbac.serviceAccountExists(s.namespace(), s.name())) {
      out.println("  does not exist in the input: whoever creates it gets these rights");
    }
    if (!s.groups().isEmpty()) {
      out.println(
          "  groups: " + String.join(", ", s.groups().stream().map(Subject::name).toList()));
    }
    if (s.isGroup()) {
      String members = WhoCanCommand.members(s, rbac);
      if (members != null) {
        out.println("  members: " + members);
      }
    }
    if (!mounted.isEmpty()) {
      out.println("  token mounted in: " + ServiceAccountTokens.describe(mounted, 5));
    }
    out.println();
    if (grants.isEmpty()) {
      out.println("No RBAC permissions.");
    } else {
      Columns table = new Columns("SCOPE", "VERBS", "RESOURCES", "GRANTED BY");
      for (Grant g : grants) {
        table.add(
            g.scope(), String.join(",", g.rule().verbs()), g.rule().describeTargets(), g.via());
      }
      table.print(out, "");
    }
    out.println();
    if (escalations.isEmpty()) {
      out.println("Not cluster-admin, directly or in one step.");
      return;
    }
    boolean direct = escalations.stream().anyMatch(Escalation::isDirect);
    out.println(
        direct
            ? "Cluster-admin: " + escalations.get(0).summary()
            : "Effectively cluster-admin via:");
    if (direct) {
      return;
    }
    for (Escalation e : escalations) {
      out.println("  - " + e.summary());
      int step = 1;
      for (Escalation.Step st : e.chain()) {
        out.println("      " + step++ + ". " + st.description());
        for (Grant g : st.grants()) {
          out.println("         " + g.via() + ": " + g.rule().describe());
        }
      }
    }
  }
}
