package dev.rampart.source.synthetic;

import static dev.rampart.source.synthetic.Doc.list;
import static dev.rampart.source.synthetic.Doc.map;
import static dev.rampart.source.synthetic.Infrastructure.groupSubject;
import static dev.rampart.source.synthetic.Infrastructure.rule;
import static dev.rampart.source.synthetic.Infrastructure.saSubject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic, realistic synthetic cluster of a given number of pods, for benchmarks and for
 * trying Rampart at scale: one seed always gives the same objects in the same order.
 *
 * <p>About one node per 30 pods; platform namespaces (kube-system, monitoring, logging,
 * ingress-nginx, ci, ops) with their DaemonSets and broad RBAC; then team namespaces of about 100
 * pods each, with Deployments mostly, StatefulSets, CronJobs, Jobs, bare ReplicaSets and naked
 * Pods, their Services, Ingresses, NetworkPolicies, RBAC, ConfigMaps and Secrets, and weaknesses at
 * the rates of {@link Rates}. Objects are handed to a consumer one by one, so a cluster of any size
 * is written without being held in memory.
 */
public final class SyntheticCluster {

  private static final String[] TEAMS = {
    "payments", "checkout", "catalog", "search", "identity", "orders", "shipping", "inventory",
    "billing", "analytics", "ml", "notifications", "media", "reviews", "pricing", "fraud",
    "support", "reporting", "cart", "loyalty"
  };
  private static final String[] TIERS = {"prod", "prod", "staging", "dev"};
  private static final String[] COMPONENTS = {
    "api",
    "web",
    "worker",
    "gateway",
    "consumer",
    "frontend",
    "backend",
    "indexer",
    "sync",
    "scheduler",
    "exporter",
    "cache",
    "db",
    "queue",
    "auth",
    "render"
  };

  /** How many of each thing were written. */
  public record Counts(int pods, int objects, int nodes, int namespaces) {}

  private final Random random;
  private final PodTemplates t;
  private final Infrastructure infra;
  private final int podTarget;
  private final List<String> nodes = new ArrayList<>();
  private final Emitter out;
  private int namespaces;

  private SyntheticCluster(int pods, long seed, Consumer<Map<String, Object>> sink) {
    this.random = new Random(seed);
    this.t = new PodTemplates(random);
    this.infra = new Infrastructure(t);
    this.podTarget = pods;
    this.out = new Emitter(sink, t, nodes);
  }

  /**
   * Generates a cluster running exactly {@code pods} pods.
   *
   * @param sink receives each object, a tree of maps, lists and scalars, in output order
   */
  public static Counts generate(int pods, long seed, Consumer<Map<String, Object>> sink) {
    if (pods < 1) {
      throw new IllegalArgumentException("--pods must be at least 1");
    }
    return new SyntheticCluster(pods, seed, sink).run();
  }

  private Counts run() {
    int nodeCount = Math.max(1, (podTarget + Rates.PODS_PER_NODE - 1) / Rates.PODS_PER_NODE);
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(String.format("worker-%04d", i));
    }
    for (int i = 0; i < nodeCount; i++) {
      out.emit(infra.node(nodes.get(i), i));
    }
    for (String node : nodes) {
      out.emit(infra.kubeletConfig(node));
    }
    clusterRbac();
    platform();
    teams();
    return new Counts(out.pods(), out.objects(), nodes.size(), namespaces);
  }

  private int remaining() {
    return podTarget - out.pods();
  }

  private void namespace(String name, Map<String, String> labels) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("kubernetes.io/metadata.name", name);
    all.putAll(labels);
    out.emit(infra.namespace(name, all));
    namespaces++;
  }

  /** The cluster-wide roles: the built-in cluster-admin, CI deployers, the ingress controller's. */
  private void clusterRbac() {
    out.emit(
        infra.role(
            "ClusterRole", null, "cluster-admin", list(rule(list("*"), list("*"), list("*")))));
    out.emit(
        infra.role(
            "ClusterRole",
            null,
            "ci-deployer",
            list(
                rule(
                    list("", "apps", "batch"),
                    list("pods", "deployments", "jobs"),
                    list("get", "list", "create", "patch", "update")),
                rule(
                    list(""),
                    list("configmaps", "services"),
                    list("get", "list", "create", "patch")))));
    out.emit(
        infra.role(
            "ClusterRole",
            null,
            "ingress-nginx",
            list(
                rule(
                    list(""),
                    list("secrets", "services", "endpoints", "pods"),
                    list("get", "list", "watch")),
                rule(list("networking.k8s.io"), list("ingresses"), list("get", "list", "watch")))));
    out.emit(
        infra.role(
            "ClusterRole",
            null,
            "team-developer",
            list(
                rule(
                    list("", "apps"),
                    list("pods", "pods/log", "deployments", "services"),
                    list("get", "list", "watch")),
                rule(list(""), list("pods/exec", "pods/portforward"), list("create")))));
  }

  private void platform() {
    if (remaining() >= nodes.size() * 3 + 10) {
      namespace("kube-system", Map.of());
      out.emit(infra.serviceAccount("kube-system", "kube-proxy"));
      out.emit(infra.serviceAccount("kube-system", "coredns"));
      out.emit(
          infra.secret(
              "kube-system", "bootstrap-token-" + t.suffix(6), "bootstrap.kubernetes.io/token"));
      out.emit(infra.secret("kube-system", "etcd-backup-credentials", "Opaque"));
      Map<String, Object> proxy =
          t.spec("kube-system", "kube-proxy", "kube-proxy", List.of(), false);
      proxy.put("hostNetwork", true);
      PodTemplates.firstContainer(proxy).put("securityContext", map("privileged", true));
      out.daemonSet("kube-system", "kube-proxy", Map.of("app", "kube-proxy"), proxy);
      out.deployment(
          "kube-system",
          "coredns",
          Map.of("app", "coredns"),
          t.spec("kube-system", "coredns", "coredns", List.of(), false),
          2);

      namespace("monitoring", Map.of("team", "platform"));
      out.emit(infra.serviceAccount("monitoring", "node-exporter"));
      Map<String, Object> exporter =
          t.spec("monitoring", "node-exporter", "node-exporter", List.of(), false);
      exporter.put("hostPID", true);
      exporter.put("hostNetwork", true);
      exporter.put("volumes", list(map("name", "root", "hostPath", map("path", "/"))));
      PodTemplates.firstContainer(exporter)
          .put("volumeMounts", list(map("name", "root", "mountPath", "/host", "readOnly", true)));
      out.daemonSet("monitoring", "node-exporter", Map.of("app", "node-exporter"), exporter);

      namespace("logging", Map.of("team", "platform"));
      out.emit(infra.serviceAccount("logging", "fluent-bit"));
      Map<String, Object> fluent = t.spec("logging", "fluent-bit", "fluent-bit", List.of(), false);
      fluent.put("volumes", list(map("name", "varlog", "hostPath", map("path", "/var/log"))));
      PodTemplates.firstContainer(fluent)
          .put("volumeMounts", list(map("name", "varlog", "mountPath", "/var/log")));
      out.daemonSet("logging", "fluent-bit", Map.of("app", "fluent-bit"), fluent);
    }
    if (remaining() >= 6) {
      // The ingress controller: public, and able to read every Secret (it serves their TLS keys).
      namespace("ingress-nginx", Map.of("team", "platform"));
      out.emit(infra.serviceAccount("ingress-nginx", "ingress-nginx"));
      out.emit(
          infra.binding(
              "ClusterRoleBinding",
              null,
              "ingress-nginx",
              "ClusterRole",
              "ingress-nginx",
              list(saSubject("ingress-nginx", "ingress-nginx"))));
      out.emit(infra.service("ingress-nginx", "ingress-nginx-controller", "LoadBalancer", false));
      out.deployment(
          "ingress-nginx",
          "ingress-nginx-controller",
          Map.of("app", "ingress-nginx-controller"),
          t.spec("platform", "ingress-nginx-controller", "ingress-nginx", List.of(), false),
          2);

      // CI runners whose service account deploys to every namespace.
      namespace("ci", Map.of("team", "platform"));
      out.emit(infra.serviceAccount("ci", "deployer"));
      out.emit(
          infra.binding(
              "ClusterRoleBinding",
              null,
              "ci-deployer",
              "ClusterRole",
              "ci-deployer",
              list(saSubject("ci", "deployer"))));
      out.deployment(
          "ci",
          "runner",
          Map.of("app", "runner"),
          t.spec("platform", "runner", "deployer", List.of(), false),
          2);

      // Rare cluster-admin service accounts: an operations tool.
      namespace("ops", Map.of("team", "platform"));
      int admins = Math.max(1, podTarget / Rates.PODS_PER_CLUSTER_ADMIN_SA);
      List<Object> subjects = new ArrayList<>();
      for (int i = 0; i < admins; i++) {
        out.emit(infra.serviceAccount("ops", "cluster-ops-" + i));
        subjects.add(saSubject("ops", "cluster-ops-" + i));
      }
      out.emit(
          infra.binding(
              "ClusterRoleBinding", null, "ops-admin", "ClusterRole", "cluster-admin", subjects));
      out.nakedPod(
          "ops",
          "cluster-ops-shell",
          Map.of("app", "cluster-ops"),
          t.spec("platform", "cluster-ops", "cluster-ops-0", List.of(), false));
    }
  }

  private void teams() {
    int count = Math.max(1, Math.round(remaining() / (float) Rates.PODS_PER_NAMESPACE));
    int base = remaining() / count;
    int extra = remaining() % count;
    for (int i = 0; i < count && remaining() > 0; i++) {
      String team = TEAMS[i % TEAMS.length];
      String tier = TIERS[(i / TEAMS.length) % TIERS.length];
      int round = i / TEAMS.length; // with the team, unique: tiers repeat
      String ns = team + "-" + tier + (round == 0 ? "" : "-" + round);
      new TeamNamespace(out, infra, t, ns, team, tier)
          .fill(base + (i < extra ? 1 : 0), this::namespace);
    }
  }

  static Map<String, Object> developerBinding(Infrastructure infra, String ns, String team) {
    return infra.binding(
        "RoleBinding",
        ns,
        "developers",
        "ClusterRole",
        "team-developer",
        list(groupSubject("team-" + team)));
  }

  static String component(int index) {
    return COMPONENTS[index % COMPONENTS.length]
        + (index < COMPONENTS.length ? "" : "-" + index / COMPONENTS.length);
  }
}
