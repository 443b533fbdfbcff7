package dev.rampart.checks;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rampart's checks against the Polaris fixtures of the checks they overlap: a {@code success*}
 * fixture (or Polaris' own {@code mutated} fix) gets no finding of the mapped check, a {@code
 * failure*} fixture at least one, except where Rampart deliberately differs, listed below with the
 * reason its check's notes give. Where the difference is that another Rampart check reports the
 * weakness, the test checks that it does. The table is written to {@code
 * target/polaris-agreement.md}.
 */
class PolarisAgreementTest {

  /** Polaris check id to the Rampart check that judges the same weakness, in table order. */
  private static final Map<String, String> MAPPING = new LinkedHashMap<>();

  static {
    MAPPING.put("automountServiceAccountToken", "automounted-service-account-token");
    MAPPING.put("cpuRequestsMissing", "missing-cpu-request");
    MAPPING.put("memoryRequestsMissing", "missing-memory-request");
    MAPPING.put("cpuLimitsMissing", "missing-cpu-limit");
    MAPPING.put("memoryLimitsMissing", "missing-memory-limit");
    MAPPING.put("livenessProbeMissing", "missing-liveness-probe");
    MAPPING.put("readinessProbeMissing", "missing-readiness-probe");
    MAPPING.put("notReadOnlyRootFilesystem", "writable-root-filesystem");
    MAPPING.put("dangerousCapabilities", "dangerous-capabilities");
    MAPPING.put("insecureCapabilities", "dangerous-capabilities");
    MAPPING.put("hostPathSet", "sensitive-host-path");
    MAPPING.put("nakedPod", "naked-pod");
    MAPPING.put("deploymentMissingReplicas", "single-replica-deployment");
    MAPPING.put("missingPodDisruptionBudget", "missing-pod-disruption-budget");
    MAPPING.put("tagNotSpecified", "latest-image-tag");
    MAPPING.put("pullPolicyNotAlways", "image-pull-policy-not-always");
    MAPPING.put("sensitiveContainerEnvVar", "plaintext-secret-in-env");
    MAPPING.put("sensitiveConfigmapContent", "plaintext-secret-in-configmap");
    // Polaris checks that are Pod Security Standards controls.
    MAPPING.put("runAsPrivileged", "privileged-container");
    MAPPING.put("hostIPCSet", "host-namespaces");
    MAPPING.put("hostNetworkSet", "host-namespaces");
    MAPPING.put("hostPIDSet", "host-namespaces");
    MAPPING.put("hostPortSet", "host-port");
    MAPPING.put("hostProcess", "windows-host-process");
    MAPPING.put("privilegeEscalationAllowed", "privilege-escalation-allowed");
    MAPPING.put("procMount", "unmasked-proc-mount");
    MAPPING.put("runAsRootAllowed", "may-run-as-root");
    // RBAC.
    MAPPING.put("clusterrolePodExecAttach", "rbac-unbound-pod-exec-role");
    MAPPING.put("rolePodExecAttach", "rbac-unbound-pod-exec-role");
    MAPPING.put("clusterrolebindingPodExecAttach", "rbac-pod-exec");
    MAPPING.put("rolebindingClusterRolePodExecAttach", "rbac-pod-exec");
    MAPPING.put("rolebindingRolePodExecAttach", "rbac-pod-exec");
    MAPPING.put("clusterrolebindingClusterAdmin", "cluster-admin-binding");
    MAPPING.put("rolebindingClusterAdminClusterRole", "cluster-admin-binding");
    MAPPING.put("rolebindingClusterAdminRole", "cluster-admin-binding");
  }

  private static final String NOT_DROPPED =
      "about capabilities not dropped, the Pod Security Standards restricted capability"
          + " control's job; dangerous-capabilities judges what is added";
  private static final String SINGLE_REPLICA =
      "replicas unset (1): a budget for one replica protects nothing or blocks every drain;"
          + " single-replica-deployment reports it";
  private static final String NOT_SERVED =
      "apiVersion v1 does not serve Deployments: the API server rejects the object, and"
          + " Rampart keeps it as an unknown kind";
  private static final String DEFAULTS_TO_ALWAYS =
      "untagged image with no pull policy: the API server defaults it to Always;"
          + " latest-image-tag reports the image";

  private static final String EVERYTHING_BOUND =
      "the role grants everything: cluster-admin-binding reports the binding, once rather than"
          + " once per risky permission";
  private static final String EVERYTHING_ROLE =
      "the role grants everything: rbac-wildcard-rule reports it (and cluster-admin-binding"
          + " whoever it gets bound to)";
  private static final String MISSING_ROLE =
      "the binding refers to a role that does not exist, which grants nothing;"
          + " rbac-binding-to-missing-role reports dangling references when the input has roles"
          + " to resolve them against";
  private static final String BUILT_IN_NAME =
      "a built-in binding name (system:*, gce:*) does not exempt an ordinary subject: User"
          + " testuser holds the role (docs/rbac.md: built-in only while every subject is a"
          + " system identity)";

  /** Fixtures where Rampart deliberately disagrees, and why. */
  private static final Map<String, String> DIFFERENCES =
      Map.ofEntries(
          entry("fixtures/insecureCapabilities/failure.drop-most.yaml", NOT_DROPPED),
          entry("fixtures/insecureCapabilities/failure.pod.yaml", NOT_DROPPED),
          entry("fixtures/insecureCapabilities/failure.yaml", NOT_DROPPED),
          entry(
              "fixtures/nakedPod/success.yaml",
              "a custom-check fixture comparing a label with the name; the Pod has no"
                  + " controller"),
          entry("fixtures/deploymentMissingReplicas/failure.yaml", NOT_SERVED),
          entry("fixtures/runAsRootAllowed/failure.yaml", NOT_SERVED),
          entry("fixtures/missingPodDisruptionBudget/failure-bad-ns.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.bad-name.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.empty-labels.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.no-labels.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.no-metadata.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.wrong-place.yaml", SINGLE_REPLICA),
          entry("fixtures/missingPodDisruptionBudget/failure.yaml", SINGLE_REPLICA),
          entry("fixtures/pullPolicyNotAlways/failure.cron-job.yaml", DEFAULTS_TO_ALWAYS),
          entry("fixtures/pullPolicyNotAlways/failure.yaml", DEFAULTS_TO_ALWAYS),
          entry("fixtures/clusterrolePodExecAttach/failure.all_wildcards.yaml", EVERYTHING_ROLE),
          entry("fixtures/rolePodExecAttach/failure.all_wildcards.yaml", EVERYTHING_ROLE),
          entry(
              "fixtures/clusterrolebindingPodExecAttach/failure.all_wildcards.yaml",
              EVERYTHING_BOUND),
          entry(
              "fixtures/clusterrolebindingPodExecAttach/failure.binding_to_system_prefix.yaml",
              EVERYTHING_BOUND),
          entry(
              "fixtures/clusterrolebindingPodExecAttach/failure.binding_points_to_missing_ref.yaml",
              MISSING_ROLE),
          entry(
              "fixtures/clusterrolebindingPodExecAttach/success"
                  + ".defaultclusterrolebinding_system-controller-generic-garbage-collector.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/rolebindingClusterRolePodExecAttach/failure.all_wildcards.yaml",
              EVERYTHING_BOUND),
          entry(
              "fixtures/rolebindingClusterRolePodExecAttach/failure.binding_to_system_prefix.yaml",
              EVERYTHING_BOUND),
          entry(
              "fixtures/rolebindingClusterRolePodExecAttach/failure"
                  + ".binding_points_to_missing_ref.yaml",
              MISSING_ROLE),
          entry(
              "fixtures/rolebindingRolePodExecAttach/failure.all_wildcards.yaml", EVERYTHING_BOUND),
          entry(
              "fixtures/rolebindingRolePodExecAttach/failure.binding_to_system_prefix.yaml",
              EVERYTHING_BOUND),
          entry(
              "fixtures/rolebindingRolePodExecAttach/failure.binding_points_to_missing_ref.yaml",
              MISSING_ROLE),
          entry(
              "fixtures/clusterrolebindingClusterAdmin/success.gce_calico_binding.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/clusterrolebindingClusterAdmin/success.system_prefix_binding.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/rolebindingClusterAdminClusterRole/success.gce_calico_binding.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/rolebindingClusterAdminClusterRole/success.system_prefix_binding.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/rolebindingClusterAdminRole/success.gce_calico_binding.yaml",
              BUILT_IN_NAME),
          entry(
              "fixtures/rolebindingClusterAdminRole/success.system_prefix_binding.yaml",
              BUILT_IN_NAME));

  /**
   * Differences where another Rampart check reports what Polaris reports: that check must fail on
   * the fixture.
   */
  private static final Map<String, String> REPORTED_BY =
      Map.of(
          EVERYTHING_BOUND, "cluster-admin-binding",
          EVERYTHING_ROLE, "rbac-wildcard-rule");

  /**
   * Fixtures the file source cannot read, and why: none since it reads a plain empty value as null,
   * as kubectl does. Should one become unreadable, list it here; when the reader is fixed the test
   * fails until the entry is removed, and the fixture becomes an ordinary row.
   */
  private static final Map<String, String> UNREADABLE = Map.of();

  private record Fixture(String polarisCheck, String file, boolean polarisFails) {}

  private record Verdict(
      Fixture fixture, String rampartCheck, boolean rampartFails, boolean unreadable) {
    boolean agrees() {
      return !unreadable && fixture.polarisFails() == rampartFails;
    }
  }

  @Test
  void agreesWithPolarisExceptForDocumentedDifferences() throws IOException {
    Path polaris = Corpora.resolve("polaris/expectations.tsv").getParent();
    List<Verdict> verdicts = new ArrayList<>();
    for (Fixture f : fixtures(polaris)) {
      String id = MAPPING.get(f.polarisCheck());
      Snapshot snapshot = CorpusScan.readLenient(polaris.resolve(f.file()));
      boolean unreadable = snapshot.problems().stream().anyMatch(InputProblem::isError);
      boolean fails = !CorpusScan.run(snapshot, List.of(CorpusScan.check(id))).isEmpty();
      verdicts.add(new Verdict(f, id, fails, unreadable));
    }
    writeTable(verdicts);

    assertThat(verdicts.stream().filter(Verdict::unreadable).map(v -> v.fixture().file()))
        .as("fixtures the file source cannot read")
        .containsExactlyInAnyOrderElementsOf(UNREADABLE.keySet());

    Map<String, String> disagreements = new TreeMap<>();
    verdicts.stream()
        .filter(v -> !v.agrees() && !v.unreadable())
        .forEach(v -> disagreements.put(v.fixture().file(), v.rampartCheck()));
    assertThat(verdicts.stream().map(v -> v.fixture().polarisCheck()).distinct())
        .as("every mapped Polaris check has fixtures")
        .containsExactlyInAnyOrderElementsOf(MAPPING.keySet());
    assertThat(disagreements.keySet())
        .as("fixtures where Rampart and Polaris disagree (documented differences only)")
        .containsExactlyInAnyOrderElementsOf(new TreeMap<>(DIFFERENCES).keySet());
    for (String file : DIFFERENCES.keySet()) {
      String check = disagreements.get(file);
      assertThat(CorpusScan.check(check).descriptor().notes())
          .as("the notes of " + check + " document the difference on " + file)
          .containsIgnoringCase("polaris");
      String other = REPORTED_BY.get(DIFFERENCES.get(file));
      if (other != null) {
        Snapshot snapshot = CorpusScan.read(polaris.resolve(file));
        assertThat(CorpusScan.run(snapshot, List.of(CorpusScan.check(other))))
            .as(other + " reports what Polaris reports on " + file)
            .isNotEmpty();
      }
    }
  }

  /** The labelled fixtures of the mapped checks, and Polaris' own fixes, which must pass. */
  private static List<Fixture> fixtures(Path polaris) throws IOException {
    List<Fixture> fixtures = new ArrayList<>();
    List<String> rows = Files.readAllLines(polaris.resolve("expectations.tsv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      if (MAPPING.containsKey(cols[1])) {
        fixtures.add(new Fixture(cols[1], cols[0], cols[5].equals("fail")));
      }
    }
    for (String check : MAPPING.keySet()) {
      Path mutated = polaris.resolve("mutated").resolve(check);
      if (Files.isDirectory(mutated)) {
        try (Stream<Path> files = Files.list(mutated)) {
          files
              .sorted()
              .forEach(
                  f -> fixtures.add(new Fixture(check, polaris.relativize(f).toString(), false)));
        }
      }
    }
    return fixtures;
  }

  private static void writeTable(List<Verdict> verdicts) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Polaris agreement\n\n")
        .append("Each fixture is scanned with only the mapped Rampart check. `success*` fixtures")
        .append(" and Polaris' own `mutated/` fixes must pass, `failure*` fixtures must fail.\n\n")
        .append("| Polaris check | Rampart check | fixtures | agree | disagree (reason) |\n")
        .append("|---|---|---|---|---|\n");
    for (Map.Entry<String, String> m : MAPPING.entrySet()) {
      List<Verdict> mine =
          verdicts.stream().filter(v -> v.fixture().polarisCheck().equals(m.getKey())).toList();
      Map<String, List<String>> byReason = new LinkedHashMap<>();
      for (Verdict v : mine) {
        if (!v.agrees()) {
          String file = v.fixture().file();
          String reason =
              v.unreadable()
                  ? "not read: " + UNREADABLE.get(file)
                  : DIFFERENCES.getOrDefault(file, "UNDOCUMENTED");
          byReason
              .computeIfAbsent(reason, r -> new ArrayList<>())
              .add("`" + file.substring(file.lastIndexOf('/') + 1) + "`");
        }
      }
      List<String> disagree = new ArrayList<>();
      byReason.forEach((reason, files) -> disagree.add(String.join(", ", files) + ": " + reason));
      long disagreeing = byReason.values().stream().mapToLong(List::size).sum();
      md.append("| ")
          .append(m.getKey())
          .append(" | ")
          .append(m.getValue())
          .append(" | ")
          .append(mine.size())
          .append(" | ")
          .append(mine.size() - disagreeing)
          .append(" | ")
          .append(disagree.isEmpty() ? "" : String.join("<br>", disagree))
          .append(" |\n");
    }
    long agree = verdicts.stream().filter(Verdict::agrees).count();
    long unreadable = verdicts.stream().filter(Verdict::unreadable).count();
    md.append("\nTotal: ")
        .append(verdicts.size())
        .append(" fixtures, ")
        .append(agree)
        .append(" agree, ")
        .append(verdicts.size() - agree - unreadable)
        .append(" documented differences, ")
        .append(unreadable)
        .append(" not read by the file source.\n");
    Path out = Path.of("target", "polaris-agreement.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
