package dev.rampart.cli;

import dev.rampart.cli.RbacJson.GrantJson;
import dev.rampart.cli.RbacJson.SubjectJson;
import dev.rampart.rbac.ApiResources;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Grant;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Request;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    description = {
      "Who may do VERB on RESOURCE, and the bindings and roles that allow it.",
      "Groups are listed as groups. Without -n the question is cluster-wide",
      "(cluster-scoped resources, or all namespaces at once), which only",
      "ClusterRoleBindings answer; -A asks about any namespace."
    },
    footer = {"", "Exit codes: 0 answered, 2 usage error, 3 an input could not be read."})
final class WhoCanCommand implements Callable<Integer> {

  /** What an answer about permissions rests on: without one of them it may be wrong. */
  static final Set<String> RBAC_KINDS =
      Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VERB", description = "get, list, create, impersonate, ...")
  String verb;

  @Parameters(
      index = "1",
      paramLabel = "RESOURCE",
      description =
          "RESOURCE[.GROUP][/SUBRESOURCE] (secrets, pods/exec, deployments.apps) or a"
              + " non-resource URL (/metrics)")
  String resource;

  @Parameters(
      index = "2..*",
      paramLabel = "PATH",
      description = "YAML/JSON manifests, directories (read recursively) or - for stdin")
  List<String> paths = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the namespace of the request")
  String namespace;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "in at least one namespace: RoleBindings of every namespace count")
  boolean allNamespaces;

  @Option(names = "--name", paramLabel = "NAME", description = "one named object")
  String name;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (namespace != null && allNamespaces) {
      throw new UsageException("give either --namespace or --all-namespaces, not both");
    }
    Request request;
    try {
      request =
          ApiResources.request(
              verb, resource, allNamespaces ? Request.ANY_NAMESPACE : namespace, name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (namespace != null && request.namespace() == null && request.isResourceRequest()) {
      err.println(
          "rampart: note: " + request.resource() + " are cluster-scoped; --namespace is ignored");
    }
    Snapshot snapshot = source.load(paths, err);
    Rbac rbac = Rbac.of(snapshot);
    Map<Subject, List<Grant>> bySubject = new LinkedHashMap<>();
    for (Grant g : rbac.whoCan(request)) {
      bySubject.computeIfAbsent(g.holder(), k -> new ArrayList<>()).add(g);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(RbacJson.MAPPER.writeValueAsString(json(request, bySubject, rbac)));
    } else {
      table(out, request, bySubject, rbac);
    }
    out.flush();
    return SourceOptions.exitCode(snapshot, RBAC_KINDS).code();
  }

  record Answer(RequestJson request, List<SubjectAnswer> subjects) {}

  record RequestJson(
      String verb,
      String apiGroup,
      String resource,
      String subresource,
      String nonResourceURL,
      String scope,
      String namespace,
      String name) {
    static RequestJson of(Request q) {
      String scope =
          q.namespace() == null
              ? "cluster"
              : Request.ANY_NAMESPACE.equals(q.namespace()) ? "any-namespace" : "namespace";
      return new RequestJson(
          q.verb(),
          q.apiGroup(),
          q.resource(),
          q.subresource().isEmpty() ? null : q.subresource(),
          q.path(),
          q.isResourceRequest() ? scope : null,
          "namespace".equals(scope) ? q.namespace() : null,
          q.name().isEmpty() ? null : q.name());
    }
  }

  /**
   * @param exists false for a service account that the bindings name but the snapshot lacks
   * @param builtIn whether this is a built-in grant of the cluster to a system identity
   */
  record SubjectAnswer(
      String kind,
      String name,
      String namespace,
      Boolean exists,
      boolean builtIn,
      List<GrantJson> grants) {}

  private static Answer json(Request q, Map<Subject, List<Grant>> bySubject, Rbac rbac) {
    List<SubjectAnswer> subjects = new ArrayList<>();
    bySubject.forEach(
        (s, grants) -> {
          SubjectJson id = SubjectJson.of(s);
          subjects.add(
              new SubjectAnswer(
                  id.kind(),
                  id.name(),
                  id.namespace(),
                  s.isServiceAccount() ? rbac.serviceAccountExists(s.namespace(), s.name()) : null,
                  builtIn(grants),
                  grants.stream().map(GrantJson::of).toList()));
        });
    return new Answer(RequestJson.of(q), subjects);
  }

  private static boolean builtIn(List<Grant> grants) {
    return grants.stream().allMatch(g -> BuiltIns.isBuiltInBinding(g.binding()));
  }

  private static void table(
      PrintWriter out, Request q, Map<Subject, List<Grant>> bySubject, Rbac rbac) {
    if (bySubject.isEmpty()) {
      out.println("Nobody can " + q.describe() + ".");
      return;
    }
    out.println("Who can " + q.describe() + ": " + bySubject.size() + " subjects");
    out.println();
    Columns table = new Columns("KIND", "SUBJECT", "SCOPE", "GRANTED BY");
    List<String> notes = new ArrayList<>();
    bySubject.forEach(
        (s, grants) -> {
          String label = s.namespace() == null ? s.name() : s.namespace() + "/" + s.name();
          if (s.isServiceAccount() && !rbac.serviceAccountExists(s.namespace(), s.name())) {
            label += " (missing)";
            notes.add(s.display() + " does not exist: whoever creates it gets these rights.");
          }
          if (builtIn(grants)) {
            label += " (built-in)";
          }
          boolean first = true;
          for (Grant g : grants) {
            table.add(
                first ? s.kind().spelling() : "",
                first ? label : "",
                g.scope(),
                g.via() + ": " + g.rule().describe());
            first = false;
          }
          if (s.isGroup()) {
            String members = members(s, rbac);
            if (members != null) {
              notes.add(s.display() + ": " + members + ".");
            }
          }
        });
    table.print(out, "");
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(n -> out.println("Note: " + n));
    }
  }

  /** Who is in a group, as far as the cluster itself defines it. */
  static String members(Subject group, Rbac rbac) {
    String ns = group.serviceAccountGroupNamespace();
    if (ns != null) {
      List<String> names =
          rbac.subjects().stream()
              .filter(s -> s.isServiceAccount() && ns.equals(s.namespace()))
              .map(Subject::name)
              .toList();
      return "every service account of namespace "
          + ns
          + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }
    return switch (group.name()) {
      case Subject.AUTHENTICATED -> "every authenticated user and service account";
      case Subject.UNAUTHENTICATED -> "every anonymous request";
      case Subject.ALL_SERVICE_ACCOUNTS -> "every service account of every namespace";
      default -> null;
    };
  }
}
