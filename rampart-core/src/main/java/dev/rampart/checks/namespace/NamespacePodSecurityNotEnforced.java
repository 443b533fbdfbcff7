package dev.rampart.checks.namespace;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patch;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.controlplane.Component;
import dev.rampart.checks.controlplane.ControlPlanePod;
import dev.rampart.checks.controlplane.ControlPlanePods;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@CheckInfo(
    id = "namespace-pod-security-not-enforced",
    title = "Namespace does not enforce a Pod Security Standard",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"cis-k8s-1.9:5.2.1", "nsa-cisa:pod-security", "mitre:t1610"},
    why =
        """
        Pod Security Admission only blocks privileged, host-namespace or root pods in namespaces \
        labelled pod-security.kubernetes.io/enforce with baseline or restricted. Without the label \
        (or with enforce: privileged, or only warn and audit) anyone who may create pods there may \
        create one that escapes to its node.""",
    remediation =
        """
        Label every user namespace with pod-security.kubernetes.io/enforce: baseline at least \
        (restricted where the workloads allow it), pinning enforce-version if upgrades must not \
        change the rules. Try it first with kubectl label --dry-run=server, which lists the \
        existing pods that would violate the level.""",
    notes =
        """
        kube-system, kube-public and kube-node-lease are exempt. A cluster-wide default set in the \
        PodSecurity admission configuration file (--admission-control-config-file), exemptions \
        there, and third-party policy engines (Kyverno, Gatekeeper) are not visible and not \
        credited. When the API server's flags show the PodSecurity plugin disabled, or the \
        version predates it (before 1.23), labelled namespaces fail too: their label does nothing.""")
public final class NamespacePodSecurityNotEnforced implements Check {

  @Override
  public Set<String> requires() {
    return Set.of("Namespace");
  }

  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");
  private static final Set<String> LEVELS = Set.of("privileged", "baseline", "restricted");

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    String inactive = admissionInactive(snapshot);
    Set<String> declared = new TreeSet<>();
    for (KubeObject ns : snapshot.ofKind("Namespace")) {
      declared.add(ns.name());
      if (SYSTEM.contains(ns.name())) {
        results.notApplicable(ns, "system namespace, exempt from Pod Security Admission");
        continue;
      }
      Violation v = judge(ns, inactive);
      if (v == null) {
        results.pass(ns);
      } else {
        results.fail(v);
      }
    }
    List<String> undeclared =
        snapshot.namespaces().stream()
            .filter(n -> !declared.contains(n) && !SYSTEM.contains(n))
            .toList();
    if (!undeclared.isEmpty()) {
      results.notEvaluated(
          "no Namespace object in the input for "
              + String.join(", ", undeclared)
              + ": their Pod Security labels are unknown");
    }
  }

  private static Violation judge(KubeObject ns, String inactive) {
    Map<String, String> labels = ns.labels();
    String level = labels.get(ENFORCE);
    String field = "metadata.labels[" + ENFORCE + "]";
    if (level == null) {
      String others = softModes(labels);
      return Violation.of(
              ns,
              field,
              "namespace "
                  + ns.name()
                  + " enforces no Pod Security Standard"
                  + (others.isEmpty() ? "" : " (only " + others + ")"))
          .withValue(others.isEmpty() ? "not set" : others)
          .withPatch(labelPatch(ns, suggested(labels)));
    }
    if (!LEVELS.contains(level)) {
      return Violation.of(
              ns,
              field,
              "namespace " + ns.name() + " has an invalid Pod Security level '" + level + "'")
          .withValue(level)
          .withPatch(labelPatch(ns, suggested(labels)));
    }
    if (level.equals("privileged")) {
      return Violation.of(
              ns,
              field,
              "namespace " + ns.name() + " enforces the privileged level: every pod is admitted")
          .withValue(level)
          .withPatch(labelPatch(ns, "baseline"));
    }
    if (inactive != null) {
      return Violation.of(
              ns, field, "namespace " + ns.name() + " enforces " + level + ", but " + inactive)
          .withValue(level);
    }
    return null;
  }

  /** warn=... and audit=..., the modes that report but do not block. */
  private static String softModes(Map<String, String> labels) {
    StringBuilder sb = new StringBuilder();
    for (String mode : new String[] {"warn", "audit"}) {
      String value = labels.get("pod-security.kubernetes.io/" + mode);
      if (value != null) {
        sb.append(sb.length() == 0 ? "" : ", ").append(mode).append('=').append(value);
      }
    }
    return sb.toString();
  }

  /** The level the namespace already warns or audits at, else baseline. */
  private static String suggested(Map<String, String> labels) {
    for (String mode : new String[] {"warn", "audit"}) {
      String value = labels.get("pod-security.kubernetes.io/" + mode);
      if (value != null && (value.equals("baseline") || value.equals("restricted"))) {
        return value;
      }
    }
    return "baseline";
  }

  private static Patch labelPatch(KubeObject ns, String level) {
    return Patches.object(ns, "metadata.labels", Map.of(ENFORCE, level));
  }

  /** Why the enforce label has no effect on this cluster, or null when it has or it is unknown. */
  static String admissionInactive(Snapshot snapshot) {
    for (ControlPlanePod api : ControlPlanePods.of(snapshot, Component.KUBE_APISERVER)) {
      if (api.version() != null && !api.version().isAtLeast(1, 23)) {
        return "the API server is "
            + api.version()
            + ", older than Pod Security Admission (1.23): the label has no effect";
      }
      if (!api.admissionPlugins().enabled("PodSecurity")) {
        return api.name()
            + " does not run the PodSecurity admission plugin: the label has no effect";
      }
    }
    return null;
  }
}
