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
 * reason its check's notes give. The table is written to {@code
 * target/polaris-agreement-hardening.md}.
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
          entry("fixtures/pullPolicyNotAlways/failure.yaml", DEFAULTS_TO_ALWAYS));

  /**
   * Fixtures the file source cannot read yet, and why. When the reader is fixed the test fails
   * until the entry is removed, and the fixture becomes an ordinary row.
   */
  /**
   * Fixtures the file source cannot read, with the reason. None since the file source reads a plain
   * empty value as null, as kubectl does.
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
    md.append("# Polaris agreement: workload hardening, secrets and image checks\n\n")
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
    Path out = Path.of("target", "polaris-agreement-hardening.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
