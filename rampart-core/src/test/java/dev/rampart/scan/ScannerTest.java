package dev.rampart.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.Finding;
import dev.rampart.checks.Severity;
import dev.rampart.checks.pss.PrivilegedContainer;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScannerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private static final String CLUSTER =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: app, image: web:1, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80}]}
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        namespace: monitoring
        labels: {team: sre}
      spec:
        template:
          spec:
            containers: [{name: agent, image: agent:1, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
        namespace: shop
        annotations:
          rampart.dev/accept: privileged-container
          rampart.dev/accept-reason: short-lived debugging pod
      spec:
        containers: [{name: sh, image: busybox:1, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: lazy
        namespace: shop
        annotations: {rampart.dev/accept: privileged-container}
      spec:
        containers: [{name: sh, image: busybox:1, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: fine, namespace: shop}
      spec:
        containers: [{name: app, image: app:1}]
      """;

  private static Snapshot snapshot(String yaml, InputProblem... problems) {
    ManifestReader.Result r =
        new ManifestReader()
            .read("cluster.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    List<InputProblem> all = new ArrayList<>(r.problems());
    all.addAll(List.of(problems));
    return new Snapshot("cluster.yaml", r.objects(), all);
  }

  private static ScanResult scan(String config, ScanOptions options) throws Exception {
    RampartConfig c =
        new ConfigLoader().load("rampart.yaml", config, Set.of("privileged-container"));
    return new Scanner(List.of(new PrivilegedContainer()), c, "rampart.yaml")
        .scan(snapshot(CLUSTER), options);
  }

  private static ScanOptions at(Instant now) {
    return new ScanOptions(List.of(), Severity.INFO, now);
  }

  @Test
  void appliesExceptionsFromTheFileAndFromAnnotationsWithAReason() throws Exception {
    ScanResult r =
        scan(
            """
            exceptions:
            - checks: [privileged-container]
              scope: {namespace: monitoring, labels: {team: sre}}
              reason: node agent
              expires: "2027-01-01"
            """,
            at(NOW));
    assertThat(r.findings()).extracting(f -> f.resource().name()).containsExactly("web", "lazy");
    assertThat(r.exceptionsApplied())
        .extracting(AppliedException::resource, AppliedException::source)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("DaemonSet/monitoring/agent", "rampart.yaml:2"),
            org.assertj.core.groups.Tuple.tuple("Pod/shop/debug", "annotation on Pod/shop/debug"));
    assertThat(r.coverage().warnings())
        .extracting(InputProblem::message)
        .anyMatch(m -> m.contains("Pod/shop/lazy") && m.contains("needs a reason"));
  }

  @Test
  void anExpiredExceptionNoLongerAppliesAndIsReported() throws Exception {
    ScanResult r =
        scan(
            """
            exceptions:
            - checks: [privileged-container]
              scope: {namespace: monitoring}
              reason: node agent
              expires: "2026-11-28"
            """,
            at(NOW));
    assertThat(r.findings()).extracting(f -> f.resource().name()).contains("agent");
    assertThat(r.exceptionsExpired())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.expired()).isEqualTo("2026-11-28");
              assertThat(e.scope()).isEqualTo("namespace=monitoring");
            });
  }

  @Test
  void prioritizesInternetExposureAndExplainsWhy() throws Exception {
    ScanResult r = scan("", at(NOW));
    Finding web = r.findings().get(0);
    assertThat(web.resource().name()).isEqualTo("web");
    assertThat(web.priority()).isEqualTo(100);
    assertThat(web.priorityReasons())
        .containsExactly(
            "severity critical",
            "exposed to the internet via Service/shop/web (LoadBalancer)",
            "critical weakness on an internet-facing workload: a way in (exploit public-facing"
                + " application, MITRE T1190)",
            "on a path from internet to Node/any via Deployment/shop/web (score 51)");
    assertThat(r.attackPaths())
        .extracting(p -> p.describe())
        .contains("internet → Service/shop/web → Deployment/shop/web → Node/any");
    Finding agent =
        r.findings().stream().filter(f -> f.resource().name().equals("agent")).findFirst().get();
    assertThat(agent.priority()).isEqualTo(80);
    assertThat(agent.priorityReasons()).noneMatch(reason -> reason.startsWith("on a path"));
    assertThat(agent.priorityReasons())
        .contains("container escape on a DaemonSet: a foothold on every node");
  }

  @Test
  void raisesWorkloadsTheInternetReachesThroughOthers() throws Exception {
    String db =
        """
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: data}
        spec:
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: db
                image: db:1
                securityContext: {privileged: true}
                ports: [{containerPort: 5432}]
        """;
    ScanResult r =
        new Scanner(List.of(new PrivilegedContainer()), RampartConfig.EMPTY, "rampart.yaml")
            .scan(snapshot(CLUSTER + db), at(NOW));
    Finding f =
        r.findings().stream().filter(x -> x.resource().name().equals("db")).findFirst().get();
    assertThat(f.priorityReasons())
        .contains(
            "reachable from the internet: internet -> shop/Deployment/web -> data/StatefulSet/db");
    assertThat(f.priority()).isEqualTo(80);
  }

  @Test
  void internalLoadBalancersAreNotInternetExposure() throws Exception {
    String internal =
        CLUSTER.replace(
            "metadata: {name: web, namespace: shop}\nspec: {type: LoadBalancer",
            "metadata:\n  name: web\n  namespace: shop\n  annotations:\n"
                + "    service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"\n"
                + "spec: {type: LoadBalancer");
    assertThat(internal).isNotEqualTo(CLUSTER);
    ScanResult r =
        new Scanner(List.of(new PrivilegedContainer()), RampartConfig.EMPTY, "rampart.yaml")
            .scan(snapshot(internal), at(NOW));
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.priority()).isLessThan(90));
  }

  @Test
  void filtersByNamespaceAndSeverityAndScoresWhatPassed() throws Exception {
    ScanResult shop = scan("", new ScanOptions(List.of("shop"), Severity.INFO, NOW));
    assertThat(shop.findings()).extracting(f -> f.resource().namespace()).containsOnly("shop");
    assertThat(shop.coverage().objects()).isEqualTo(5);
    ScanResult none = scan("", new ScanOptions(List.of(), Severity.INFO, NOW));
    // Five workloads evaluated; web, agent and lazy fail (debug's finding is accepted).
    assertThat(none.summary().score()).isEqualTo(40);
    assertThat(none.summary().bySeverity()).containsEntry("critical", 3).containsEntry("low", 0);
    assertThat(none.summary().byCategory()).containsEntry("workload", 3);
  }

  @Test
  void disabledChecksDoNotRunAndOverriddenSeveritiesApply() throws Exception {
    assertThat(scan("checks: {disable: [privileged-container]}", at(NOW)).findings()).isEmpty();
    ScanResult lowered = scan("checks: {severity: {privileged-container: low}}", at(NOW));
    assertThat(lowered.findings())
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    ScanResult filtered =
        scan(
            "checks: {severity: {privileged-container: low}}",
            new ScanOptions(List.of(), Severity.MEDIUM, NOW));
    assertThat(filtered.findings()).isEmpty();
  }

  @Test
  void inputErrorsReachTheCoverage() {
    ScanResult r =
        new Scanner(List.of(new PrivilegedContainer()), RampartConfig.EMPTY, "rampart.yaml")
            .scan(
                snapshot(CLUSTER, InputProblem.error("bad.yaml", 3, 1, "malformed: oops")),
                at(NOW));
    assertThat(r.hasInputErrors()).isTrue();
    assertThat(r.coverage().errors()).extracting(InputProblem::file).containsExactly("bad.yaml");
    assertThat(r.coverage().byKind()).containsEntry("Pod", 3).containsEntry("Service", 1);
  }

  @Test
  void fingerprintsAreStableAcrossScans() throws Exception {
    List<String> first = scan("", at(NOW)).findings().stream().map(Finding::id).toList();
    List<String> second = scan("", at(NOW)).findings().stream().map(Finding::id).toList();
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
  }
}
