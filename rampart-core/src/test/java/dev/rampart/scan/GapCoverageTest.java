package dev.rampart.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.config.RampartConfig;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A kind the source could not read marks exactly the checks that read it as not evaluated. */
class GapCoverageTest {

  private static final Gap SECRETS =
      new Gap(
          "v1",
          "Secret",
          null,
          Gap.Cause.FORBIDDEN,
          "list secrets (metadata) at cluster scope: forbidden for"
              + " system:serviceaccount:rampart:scanner");

  @Test
  void checksThatReadTheMissingKindAreNotEvaluatedWithTheReason() {
    Map<String, List<String>> notEvaluated = notEvaluated(withGaps(List.of(SECRETS)));

    Set<String> readers =
        BuiltInChecks.all().stream()
            .filter(c -> c.requires().contains("Secret") || c.requires().equals(Check.EVERY_KIND))
            .map(c -> c.descriptor().id())
            .collect(Collectors.toSet());
    assertThat(readers)
        .contains(
            "rbac-long-lived-token-secret",
            "plaintext-secret-in-annotation",
            "escalation-to-cluster-admin");
    for (String id : readers) {
      assertThat(notEvaluated.get(id))
          .as(id)
          .contains(
              "Secret not read: list secrets (metadata) at cluster scope: forbidden for"
                  + " system:serviceaccount:rampart:scanner");
    }
    assertThat(notEvaluated).doesNotContainKeys("privileged-container", "rbac-read-secrets");
  }

  @Test
  void findingsOfWhatWasReadStay() {
    ScanResult complete = scan(withGaps(List.of()));
    ScanResult partial = scan(withGaps(List.of(SECRETS)));
    assertThat(partial.findings()).hasSameSizeAs(complete.findings());
  }

  @Test
  void aNamespaceScanKeepsOnlyTheGapsInWhatItSees() {
    Gap otherNamespace =
        new Gap("v1", "Pod", "ci", Gap.Cause.FORBIDDEN, "list pods in namespace ci: forbidden");
    Snapshot snapshot = withGaps(List.of(otherNamespace));
    ScanResult payments =
        scanner().scan(snapshot, new ScanOptions(List.of("payments"), null, Instant.now()));
    ScanResult ci = scanner().scan(snapshot, new ScanOptions(List.of("ci"), null, Instant.now()));
    assertThat(payments.coverage().notEvaluated())
        .noneMatch(n -> n.reason().startsWith("Pod not read"));
    assertThat(ci.coverage().notEvaluated())
        .anyMatch(
            n ->
                n.checkId().equals("privileged-container")
                    && n.reason().equals("Pod not read: list pods in namespace ci: forbidden"));
  }

  private static Snapshot withGaps(List<Gap> gaps) {
    Snapshot demo = DemoCluster.load();
    return new Snapshot(
        demo.source(), demo.objects(), demo.problems(), new ClusterInfo("v1.30.2"), gaps);
  }

  private static Scanner scanner() {
    return new Scanner(BuiltInChecks.all(), RampartConfig.EMPTY, "rampart.yaml");
  }

  private static ScanResult scan(Snapshot snapshot) {
    return scanner().scan(snapshot, ScanOptions.defaults());
  }

  private static Map<String, List<String>> notEvaluated(Snapshot snapshot) {
    return scan(snapshot).coverage().notEvaluated().stream()
        .collect(
            Collectors.groupingBy(
                Coverage.NotEvaluated::checkId,
                Collectors.mapping(Coverage.NotEvaluated::reason, Collectors.toList())));
  }
}
