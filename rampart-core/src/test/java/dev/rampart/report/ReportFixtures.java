package dev.rampart.report;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.Finding;
import dev.rampart.checks.Patch;
import dev.rampart.checks.Severity;
import dev.rampart.graph.Asset;
import dev.rampart.graph.AttackPath;
import dev.rampart.graph.Edge;
import dev.rampart.graph.EdgeType;
import dev.rampart.scan.AppliedException;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ExpiredException;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Summary;
import dev.rampart.snapshot.InputProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scan with one of everything a report shows: findings of four severities in priority order, a
 * finding without a file (read from a live cluster), one from rendered Helm output in a file whose
 * name has a space, patches, an input error, a warning, a check not evaluated, a check that passed
 * everywhere, an applied and an expired exception. Ids and times are fixed, so reports are
 * byte-for-byte reproducible.
 */
final class ReportFixtures {

  static final String VERSION = "0.1.0-test";

  private ReportFixtures() {}

  static List<CheckDescriptor> catalog() {
    return List.of(
        check(
            "privileged-container",
            "Container runs privileged",
            Severity.CRITICAL,
            Category.WORKLOAD,
            List.of("pss:baseline/privileged", "cis-k8s-1.9:5.2.2", "mitre:t1611"),
            "A privileged container can escape to the node.",
            "Remove securityContext.privileged or set it to false."),
        check(
            "wildcard-cluster-role",
            "ClusterRole grants every verb on every resource",
            Severity.HIGH,
            Category.RBAC,
            List.of("cis-k8s-1.9:5.1.3", "nsa-cisa:rbac"),
            "A wildcard grant is cluster-admin under another name.",
            "List the verbs and resources the subject needs instead of *."),
        check(
            "host-network",
            "Pod uses the host network",
            Severity.HIGH,
            Category.WORKLOAD,
            List.of("pss:baseline/host-namespaces"),
            "The host network exposes node-local services to the pod.",
            "Remove spec.hostNetwork or set it to false."),
        check(
            "kubelet-anonymous-auth",
            "Kubelet accepts anonymous requests",
            Severity.HIGH,
            Category.CONTROL_PLANE,
            List.of("cis-k8s-1.9:4.2.1"),
            "Anonymous kubelet access lets anyone on the network run commands in pods.",
            "Set authentication.anonymous.enabled to false in the kubelet configuration."),
        check(
            "run-as-root",
            "Container may run as root",
            Severity.MEDIUM,
            Category.WORKLOAD,
            List.of("pss:restricted/running-as-non-root"),
            "Root in a container is root on the node after an escape.",
            "Set securityContext.runAsNonRoot to true."),
        check(
            "image-tag-latest",
            "Image uses a mutable tag",
            Severity.LOW,
            Category.SUPPLY_CHAIN,
            List.of("nsa-cisa:supply-chain"),
            "A mutable tag can change under a running workload.",
            "Pin the image by digest."));
  }

  static ReportContext context() {
    return ReportContext.of(catalog(), VERSION);
  }

  static ScanResult scan() {
    return scan(findings());
  }

  static ScanResult scan(List<Finding> findings) {
    Coverage coverage =
        new Coverage(
            14,
            Map.of("ClusterRole", 3, "Deployment", 5, "Pod", 2, "Service", 4),
            List.of(new Coverage.NotEvaluated("kubelet-anonymous-auth", NOT_EVALUATED)),
            List.of(
                InputProblem.error(
                    "k8s/broken.yaml", 7, 2, "mapping values are not allowed here (line 7)")),
            List.of(
                InputProblem.warning(
                    "k8s/notes.yaml", 0, 1, "not a Kubernetes object (no apiVersion or kind)")),
            List.of(
                new CheckRun.Tally("privileged-container", 6, 1, 0, List.of()),
                new CheckRun.Tally("wildcard-cluster-role", 2, 1, 0, List.of()),
                new CheckRun.Tally("host-network", 7, 0, 0, List.of()),
                new CheckRun.Tally("kubelet-anonymous-auth", 0, 0, 0, List.of(NOT_EVALUATED)),
                new CheckRun.Tally("run-as-root", 5, 2, 0, List.of()),
                new CheckRun.Tally("image-tag-latest", 6, 1, 1, List.of())));
    Summary summary =
        new Summary(
            Map.of("critical", 1, "high", 1, "medium", 1, "low", 1),
            Map.of("workload", 2, "rbac", 1, "supply-chain", 1),
            62);
    return new ScanResult(
        "7d1f3c2e-5b7a-4c1e-9f00-2b6a1e9c4d10",
        Instant.parse("2025-03-01T10:15:30.250Z"),
        1234,
        "k8s/ rendered/",
        "prod-eu",
        coverage,
        summary,
        findings,
        List.of(
            new AppliedException(
                "5e0c6b1d9a7f3e2c4b81",
                "run-as-root",
                "Deployment/shop/legacy",
                "app",
                "vendor image needs root; ticket SEC-142",
                "rampart.yaml:14",
                "2026-06-30")),
        List.of(
            new ExpiredException(
                "privileged-container",
                "namespace monitoring",
                "node exporter needs host access",
                "rampart.yaml:22",
                "2025-01-31")));
  }

  /** The fixture scan with two attack paths; {@code name} names the exposed workload. */
  static ScanResult scanWithPaths(String name) {
    ScanResult r = scan();
    Asset internet = Asset.INTERNET;
    Asset service = new Asset(Asset.Kind.SERVICE, "shop", "web");
    Asset web = new Asset(Asset.Kind.WORKLOAD, "shop", "Deployment/" + name);
    Asset node = new Asset(Asset.Kind.NODE, null, "worker-1");
    Asset token = new Asset(Asset.Kind.SECRET, "ci", "deployer-token");
    Asset deployer = new Asset(Asset.Kind.SERVICE_ACCOUNT, "ci", "deployer");
    List<AttackPath.Step> toNode =
        List.of(
            new AttackPath.Step(
                internet,
                service,
                new Edge(
                    EdgeType.EXPOSES,
                    null,
                    1.0,
                    List.of("open to the internet: Service/shop/web (LoadBalancer)"))),
            new AttackPath.Step(
                service,
                web,
                new Edge(
                    EdgeType.VULNERABLE,
                    "T1190",
                    0.9,
                    List.of(
                        "CVE-2099-0001 (critical) in shop/" + name + ":1 of container app",
                        "Service/shop/web selects the pods of Deployment/shop/" + name,
                        "NetworkPolicy admits the traffic on TCP 8443"))),
            new AttackPath.Step(
                web,
                node,
                new Edge(
                    EdgeType.ESCAPES_TO,
                    "T1611",
                    0.95,
                    List.of("spec.template.spec.containers[0].securityContext.privileged: true"))));
    List<AttackPath.Step> toAdmin =
        List.of(
            new AttackPath.Step(
                token,
                deployer,
                new Edge(
                    EdgeType.TOKEN_OF,
                    "T1528",
                    0.95,
                    List.of("Secret/ci/deployer-token is a kubernetes.io/service-account-token"))),
            new AttackPath.Step(
                deployer,
                Asset.CLUSTER_ADMIN,
                new Edge(
                    EdgeType.CAN_CREATE_POD,
                    "T1610",
                    0.85,
                    List.of("create pods in namespace kube-system as legacy-admin"))));
    List<AttackPath> paths =
        List.of(
            new AttackPath(
                "path-1a2b3c", internet, node, "a node: root on it", 90, 0.855, 77, toNode),
            new AttackPath(
                "path-4d5e6f",
                token,
                Asset.CLUSTER_ADMIN,
                "cluster-admin",
                100,
                0.40375,
                40,
                toAdmin));
    return new ScanResult(
        r.id(),
        r.startedAt(),
        r.durationMs(),
        r.source(),
        r.cluster(),
        r.coverage(),
        r.summary(),
        r.findings(),
        r.exceptionsApplied(),
        r.exceptionsExpired(),
        paths,
        List.of("searched the first 500 of 612 crown jewels"),
        List.of());
  }

  static final String NOT_EVALUATED =
      "nodes/proxy is forbidden (403): kubelet configuration unread";

  static List<Finding> findings() {
    return List.of(
        new Finding(
            "9c1e5a7b3d2f4e6a8b0c",
            "privileged-container",
            "Container runs privileged",
            Severity.CRITICAL,
            Category.WORKLOAD,
            95,
            List.of(
                "exposed to the internet through Service payments/api (LoadBalancer)",
                "on a path from the internet to cluster-admin"),
            new Finding.Resource("apps/v1", "Deployment", "payments", "api", "app"),
            new Finding.Location("k8s/payments/api.yaml", 12, 1, null),
            "container app runs privileged",
            new Finding.Evidence(
                "spec.template.spec.containers[0].securityContext.privileged", "true"),
            List.of("pss:baseline/privileged", "cis-k8s-1.9:5.2.2", "mitre:t1611"),
            new Finding.Remediation(
                "Remove securityContext.privileged or set it to false.",
                patch(
                    "deployment",
                    "api",
                    "payments",
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
                        + "\"securityContext\":{\"privileged\":false}}]}}}}"))),
        new Finding(
            "3a7d9e1c5b2f8a4d6e0b",
            "wildcard-cluster-role",
            "ClusterRole grants every verb on every resource",
            Severity.HIGH,
            Category.RBAC,
            80,
            List.of("bound to ServiceAccount ci/deployer"),
            new Finding.Resource(
                "rbac.authorization.k8s.io/v1", "ClusterRole", null, "ops-admin", null),
            null,
            "ClusterRole ops-admin grants * on *",
            new Finding.Evidence("rules[0].verbs", "*"),
            List.of("cis-k8s-1.9:5.1.3", "nsa-cisa:rbac"),
            new Finding.Remediation(
                "List the verbs and resources the subject needs instead of *.", null)),
        new Finding(
            "b4e8c2a6d0f1e3b5a7c9",
            "run-as-root",
            "Container may run as root",
            Severity.MEDIUM,
            Category.WORKLOAD,
            50,
            List.of(),
            new Finding.Resource("apps/v1", "Deployment", "shop", "cart", "web"),
            new Finding.Location("rendered/shop app.yaml", 40, 3, "shop/templates/deployment.yaml"),
            "container web does not set runAsNonRoot",
            new Finding.Evidence(
                "spec.template.spec.containers[0].securityContext.runAsNonRoot", null),
            List.of("pss:restricted/running-as-non-root"),
            new Finding.Remediation(
                "Set securityContext.runAsNonRoot to true.",
                patch(
                    "deployment",
                    "cart",
                    "shop",
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
                        + "\"securityContext\":{\"runAsNonRoot\":true}}]}}}}"))),
        new Finding(
            "e1f3a5c7b9d2e4f6a8b0",
            "image-tag-latest",
            "Image uses a mutable tag",
            Severity.LOW,
            Category.SUPPLY_CHAIN,
            20,
            List.of(),
            new Finding.Resource("v1", "Pod", "default", "debug", "shell"),
            new Finding.Location("k8s/debug.yaml", 1, 1, null),
            "image busybox:latest uses the mutable tag latest",
            new Finding.Evidence("spec.containers[0].image", "busybox:latest"),
            List.of("nsa-cisa:supply-chain"),
            new Finding.Remediation("Pin the image by digest.", null)));
  }

  /** The fixture's first finding, on an object whose name and message are attacks on a viewer. */
  static Finding hostile(String name, String message) {
    Finding f = findings().get(0);
    return new Finding(
        f.id(),
        f.checkId(),
        f.title(),
        f.severity(),
        f.category(),
        f.priority(),
        List.of("reason " + message),
        new Finding.Resource("apps/v1", "Deployment", name, name, name),
        new Finding.Location(name + ".yaml", 3, 1, name),
        message,
        new Finding.Evidence(message, message),
        f.frameworks(),
        new Finding.Remediation(message, new Patch("strategic-merge", message, message)));
  }

  static String render(ReportFormat format, ScanResult result, ReportContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      format.writer().write(result, context, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Patch patch(String kind, String name, String namespace, String content) {
    return new Patch(
        "strategic-merge",
        content,
        "kubectl patch "
            + kind
            + " "
            + name
            + " -n "
            + namespace
            + " --type=strategic -p '"
            + content
            + "'");
  }

  private static CheckDescriptor check(
      String id,
      String title,
      Severity severity,
      Category category,
      List<String> frameworks,
      String why,
      String remediation) {
    return new CheckDescriptor(id, title, severity, category, frameworks, why, remediation, "");
  }
}
