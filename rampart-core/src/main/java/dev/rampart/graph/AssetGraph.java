package dev.rampart.graph;

import dev.rampart.rbac.Escalation;
import dev.rampart.rbac.Grant;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Request;
import dev.rampart.rbac.ServiceAccountTokens;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The risk impact map (DESIGN section 5): assets and the relationships an attacker can follow, each
 * edge with its evidence, a MITRE ATT&amp;CK technique and a likelihood. Built from the snapshot,
 * the RBAC engine ({@link Rbac}, its escalations and token mounts) and the network facts.
 */
public final class AssetGraph {

  private final Graph<Asset, Edge> graph = new DirectedWeightedMultigraph<>(Edge.class);
  private final Map<Asset, KubeObject> objects = new HashMap<>();
  private final Map<Asset, Workload> workloads = new HashMap<>();
  private final List<Asset> nodes = new ArrayList<>();
  private final Set<Asset> controlPlane = new LinkedHashSet<>();

  private AssetGraph() {}

  public static AssetGraph of(Snapshot snapshot, NetworkFacts network, AssetGroups groups) {
    AssetGraph g = new AssetGraph();
    new GraphBuilder(g, snapshot, network, groups).build();
    return g;
  }

  public Graph<Asset, Edge> graph() {
    return graph;
  }

  public Set<Asset> assets() {
    return Collections.unmodifiableSet(graph.vertexSet());
  }

  /**
   * The object an asset stands for; empty for the internet, cluster-admin and implied identities.
   */
  public Optional<KubeObject> object(Asset a) {
    return Optional.ofNullable(objects.get(a));
  }

  public Optional<Workload> workload(Asset a) {
    return Optional.ofNullable(workloads.get(a));
  }

  public List<Asset> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public boolean isControlPlane(Asset node) {
    return controlPlane.contains(node);
  }

  /** Finds an asset by its id ({@link Asset#id()}), or by {@code Kind/ns/name} of its object. */
  public Optional<Asset> find(String id) {
    for (Asset a : graph.vertexSet()) {
      if (a.id().equals(id)
          || (objects.get(a) != null && objects.get(a).ref().display().equals(id))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  void add(Asset a, KubeObject object) {
    graph.addVertex(a);
    if (object != null) {
      objects.putIfAbsent(a, object);
    }
  }

  void addWorkload(Asset a, Workload w) {
    add(a, w.object());
    workloads.put(a, w);
  }

  void addNode(Asset a, KubeObject object, boolean isControlPlane) {
    add(a, object);
    nodes.add(a);
    if (isControlPlane) {
      controlPlane.add(a);
    }
  }

  void connect(Asset from, Asset to, Edge e) {
    graph.addVertex(from);
    graph.addVertex(to);
    graph.addEdge(from, to, e);
    graph.setEdgeWeight(e, e.weight());
  }

  /** The identity asset of an RBAC subject. */
  static Asset identity(Subject s) {
    return switch (s.kind()) {
      case SERVICE_ACCOUNT -> new Asset(Asset.Kind.SERVICE_ACCOUNT, s.namespace(), s.name());
      case USER -> new Asset(Asset.Kind.USER, null, s.name());
      case GROUP -> new Asset(Asset.Kind.GROUP, null, s.name());
    };
  }

  /** Builds the edges, one kind of relationship per method. */
  private static final class GraphBuilder {
    private final AssetGraph g;
    private final Snapshot snapshot;
    private final NetworkFacts network;
    private final AssetGroups groups;
    private final Rbac rbac;
    private final Map<KubeObject, Asset> workloadAssets = new IdentityHashMap<>();
    private final PodPlacement placed;

    GraphBuilder(AssetGraph g, Snapshot snapshot, NetworkFacts network, AssetGroups groups) {
      this.g = g;
      this.snapshot = snapshot;
      this.network = network;
      this.groups = groups;
      this.rbac = Rbac.of(snapshot);
      this.placed = PodPlacement.of(snapshot);
    }

    void build() {
      g.add(Asset.INTERNET, null);
      g.add(Asset.CLUSTER_ADMIN, null);
      nodes();
      List<Workload> carrying = rbac.tokens().mountedBy(Subject.group(Subject.AUTHENTICATED));
      Set<KubeObject> tokenCarriers = Collections.newSetFromMap(new IdentityHashMap<>());
      carrying.forEach(w -> tokenCarriers.add(w.object()));
      Set<Subject> identities = new LinkedHashSet<>();
      Map<Subject, List<Workload>> carriers = new java.util.LinkedHashMap<>();
      for (Workload w : snapshot.workloads()) {
        if (w.namespace() == null) {
          continue;
        }
        Asset a = Asset.workload(w.kind(), w.namespace(), w.name());
        g.addWorkload(a, w);
        workloadAssets.put(w.object(), a);
        exposure(a, w);
        escapes(a, w);
        mounts(a, w);
        if (tokenCarriers.contains(w.object())) {
          Subject sa =
              Subject.serviceAccount(
                  w.namespace(), ServiceAccountTokens.serviceAccountName(w.spec()));
          identities.add(sa);
          g.connect(
              a,
              identity(sa),
              new Edge(
                  EdgeType.RUNS_AS,
                  "T1552.007",
                  0.9,
                  List.of(
                      w.object().ref().display()
                          + " mounts the token of "
                          + sa.display()
                          + " ("
                          + w.field("serviceAccountName")
                          + ", token automounted)")));
          carriers.computeIfAbsent(sa, k -> new ArrayList<>()).add(w);
        }
      }
      hosts(carriers);
      reaches();
      tokenSecrets(identities);
      identities.add(Subject.user(Subject.ANONYMOUS));
      identities.add(Subject.group(Subject.AUTHENTICATED));
      for (Subject s : rbac.boundSubjects()) {
        if (!s.isGroup()) {
          identities.add(s);
        }
      }
      builtInClusterAdmin(identities);
      for (Subject s : identities) {
        g.add(identity(s), snapshot.find("ServiceAccount", s.namespace(), s.name()).orElse(null));
        escalations(s);
        Set<String> scope = grantedNamespaces(s);
        if (!scope.isEmpty()) {
          secretReads(s, scope);
          podCreation(s, scope);
        }
      }
    }

    /**
     * Every cluster has the bootstrap ClusterRole {@code cluster-admin}: a ClusterRoleBinding to it
     * counts even when the manifests at hand do not define the role (the RBAC engine only knows the
     * roles it was given).
     */
    private void builtInClusterAdmin(Set<Subject> identities) {
      if (rbac.clusterRoles().containsKey("cluster-admin")) {
        return;
      }
      for (var b : rbac.bindings()) {
        if (!b.isClusterWide() || !"cluster-admin".equals(b.roleName())) {
          continue;
        }
        for (Subject s : b.subjects()) {
          if (s == null) {
            continue;
          }
          identities.add(s);
          g.connect(
              identity(s),
              Asset.CLUSTER_ADMIN,
              new Edge(
                  EdgeType.GRANTED,
                  "T1078",
                  1.0,
                  List.of(
                      b.display()
                          + " -> ClusterRole/cluster-admin (built-in: every verb on every"
                          + " resource)")));
        }
      }
    }

    private void nodes() {
      for (KubeObject n : snapshot.ofKind("Node")) {
        boolean cp =
            n.labels().containsKey("node-role.kubernetes.io/control-plane")
                || n.labels().containsKey("node-role.kubernetes.io/master");
        Asset node = new Asset(Asset.Kind.NODE, null, n.name());
        g.addNode(node, n, cp);
        if (cp) {
          g.connect(
              node,
              Asset.CLUSTER_ADMIN,
              new Edge(
                  EdgeType.CONTROLS,
                  "T1552.004",
                  0.9,
                  List.of(
                      n.ref().display()
                          + " is a control-plane node: root on it reads /etc/kubernetes/pki and"
                          + " /etc/kubernetes/admin.conf")));
        }
      }
      if (g.nodes.isEmpty()) {
        // Manifests without Node objects: one node stands for whichever the pods land on.
        g.addNode(new Asset(Asset.Kind.NODE, null, "any"), null, false);
      }
    }

    private void exposure(Asset a, Workload w) {
      Set<String> routes = network.internetRoutes(w);
      if (!routes.isEmpty()) {
        List<String> evidence = new ArrayList<>();
        routes.forEach(r -> evidence.add("exposed to the internet via " + r));
        g.connect(Asset.INTERNET, a, new Edge(EdgeType.EXPOSES, "T1190", 0.6, evidence));
      }
    }

    private void escapes(Asset a, Workload w) {
      List<Escapes.Escape> found = Escapes.of(w);
      if (found.isEmpty()) {
        return;
      }
      double best = found.stream().mapToDouble(Escapes.Escape::likelihood).max().orElse(0.5);
      for (Asset node : nodesOf(w)) {
        String placement = placement(w, node);
        if (placement == null) {
          continue;
        }
        List<String> evidence = new ArrayList<>();
        found.forEach(e -> evidence.add(e.evidence()));
        evidence.add(placement);
        g.connect(a, node, new Edge(EdgeType.ESCAPES_TO, "T1611", best, evidence));
      }
    }

    /**
     * Why {@code w} may run on {@code node}, or null when it cannot. Without the scheduler's view
     * (node affinity, taints, capacity) any node is assumed, except that only pods tolerating the
     * control-plane taint land on a control-plane node, and {@code nodeName} pins a pod.
     */
    private String placement(Workload w, Asset node) {
      String pinned = w.spec().getNodeName();
      if (pinned != null && !pinned.isEmpty()) {
        return pinned.equals(node.name()) ? w.field("nodeName") + ": " + pinned : null;
      }
      if (placed.knows(w)) {
        String pod = placed.nodes(w).get(node.name());
        return pod == null ? null : "its pod " + pod + " runs on " + node.id();
      }
      if (g.isControlPlane(node) && !toleratesControlPlane(w)) {
        return null;
      }
      if ("DaemonSet".equals(w.kind())) {
        return "a DaemonSet runs on every node it tolerates, " + node.id() + " among them";
      }
      return "may be scheduled on " + node.id() + " (assumed: any node the scheduler may pick)";
    }

    private static boolean toleratesControlPlane(Workload w) {
      if (w.spec().getTolerations() == null) {
        return false;
      }
      return w.spec().getTolerations().stream()
          .anyMatch(
              t ->
                  ("Exists".equals(t.getOperator()) && t.getKey() == null)
                      || "node-role.kubernetes.io/control-plane".equals(t.getKey())
                      || "node-role.kubernetes.io/master".equals(t.getKey()));
    }

    /**
     * One HOSTS edge per node and service account, naming up to three of the workloads that carry
     * the token there: a thousand replicas of one account add no path.
     */
    private void hosts(Map<Subject, List<Workload>> carriers) {
      // Grouped by node from each workload's own nodes: asking every node about every workload
      // costs nodes times workloads, both of which grow with the cluster.
      Map<Asset, Map<Subject, List<Workload>>> byNode = new HashMap<>();
      for (Map.Entry<Subject, List<Workload>> e : carriers.entrySet()) {
        for (Workload w : e.getValue()) {
          for (Asset node : nodesOf(w)) {
            byNode
                .computeIfAbsent(node, n -> new HashMap<>())
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(w);
          }
        }
      }
      for (Asset node : g.nodes) {
        Map<Subject, List<Workload>> here = byNode.getOrDefault(node, Map.of());
        for (Subject account : carriers.keySet()) {
          List<Workload> there = here.get(account);
          if (there == null) {
            continue;
          }
          g.connect(
              node,
              identity(account),
              new Edge(
                  EdgeType.HOSTS,
                  "T1552.007",
                  0.8,
                  List.of(
                      "root on "
                          + node.id()
                          + " reads the token of "
                          + account.display()
                          + " that the kubelet mounts for "
                          + ServiceAccountTokens.describe(there, 3))));
        }
      }
    }

    /** The nodes {@code w} may run on, in the graph's node order. */
    private List<Asset> nodesOf(Workload w) {
      List<Asset> result = new ArrayList<>();
      if (placed.knows(w) && !hasPin(w)) {
        for (Asset node : g.nodes) {
          if (placed.nodes(w).containsKey(node.name())) {
            result.add(node);
          }
        }
        return result;
      }
      for (Asset node : g.nodes) {
        if (placement(w, node) != null) {
          result.add(node);
        }
      }
      return result;
    }

    private static boolean hasPin(Workload w) {
      return w.spec().getNodeName() != null && !w.spec().getNodeName().isEmpty();
    }

    private void mounts(Asset a, Workload w) {
      Map<String, String> secrets = new java.util.LinkedHashMap<>();
      var volumes = w.spec().getVolumes();
      for (int i = 0; volumes != null && i < volumes.size(); i++) {
        var v = volumes.get(i);
        if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
          secrets.putIfAbsent(
              v.getSecret().getSecretName(), w.field("volumes[" + i + "].secret.secretName"));
        }
      }
      for (var c : w.containers()) {
        for (int i = 0; i < c.env().size(); i++) {
          var from = c.env().get(i).getValueFrom();
          if (from != null && from.getSecretKeyRef() != null) {
            secrets.putIfAbsent(
                from.getSecretKeyRef().getName(),
                c.field("env[" + i + "].valueFrom.secretKeyRef.name"));
          }
        }
        for (int i = 0; i < c.envFrom().size(); i++) {
          var ref = c.envFrom().get(i).getSecretRef();
          if (ref != null && ref.getName() != null) {
            secrets.putIfAbsent(ref.getName(), c.field("envFrom[" + i + "].secretRef.name"));
          }
        }
      }
      secrets.forEach(
          (name, field) ->
              g.connect(
                  a,
                  secret(w.namespace(), name),
                  new Edge(
                      EdgeType.MOUNTS,
                      "T1552.001",
                      0.95,
                      List.of(w.object().ref().display() + " " + field + ": " + name))));
    }

    /**
     * Internet-facing workloads reach the workloads of critical asset groups that admit every pod.
     * Only those pairs: the rest of the east-west mesh adds no path to a crown jewel that a shorter
     * one does not already give.
     */
    private void reaches() {
      List<Asset> exposed =
          g.graph.outgoingEdgesOf(Asset.INTERNET).stream().map(g.graph::getEdgeTarget).toList();
      for (Workload w : snapshot.workloads()) {
        Asset target = workloadAssets.get(w.object());
        if (target == null || !groups.isCritical(w.object())) {
          continue;
        }
        String open = network.openToAllPods(w);
        if (open == null) {
          continue;
        }
        for (Asset from : exposed) {
          if (!from.equals(target)) {
            g.connect(from, target, new Edge(EdgeType.REACHES, "T1210", 0.5, List.of(open)));
          }
        }
      }
    }

    private void tokenSecrets(Set<Subject> identities) {
      for (Map.Entry<Subject, List<KubeObject>> e : rbac.tokenSecrets().entrySet()) {
        for (KubeObject s : e.getValue()) {
          identities.add(e.getKey());
          g.connect(
              secret(s.namespace(), s.name()),
              identity(e.getKey()),
              new Edge(
                  EdgeType.TOKEN_OF,
                  "T1528",
                  0.95,
                  List.of(
                      s.ref().display()
                          + " is a kubernetes.io/service-account-token Secret of "
                          + e.getKey().display())));
        }
      }
    }

    private void escalations(Subject s) {
      for (Escalation e : rbac.escalations().of(s)) {
        List<String> evidence = new ArrayList<>();
        evidence.add(e.summary());
        for (Escalation.Step step : e.chain()) {
          evidence.add(step.description());
          step.grants().stream().limit(3).forEach(gr -> evidence.add("  " + gr.via()));
        }
        EdgeType type =
            switch (e.technique()) {
              case WILDCARD_GRANT, SYSTEM_MASTERS -> EdgeType.GRANTED;
              case CREATE_WORKLOAD -> EdgeType.CAN_CREATE_POD;
              case EXEC, NODE_PROXY -> EdgeType.CAN_EXEC;
              case TOKEN_SECRET_READ -> EdgeType.CAN_READ_SECRET;
              default -> EdgeType.CAN_ESCALATE;
            };
        String technique =
            switch (e.technique()) {
              case WILDCARD_GRANT, SYSTEM_MASTERS, IMPERSONATE -> "T1078";
              case CREATE_WORKLOAD -> "T1610";
              case EXEC, NODE_PROXY -> "T1609";
              case TOKEN_CREATE, TOKEN_SECRET_READ -> "T1528";
              default -> "T1098";
            };
        double likelihood = e.isDirect() ? 1.0 : 0.85;
        g.connect(
            identity(s), Asset.CLUSTER_ADMIN, new Edge(type, technique, likelihood, evidence));
      }
    }

    /**
     * The namespaces where {@code s} holds anything: those of its RoleBindings, or every namespace
     * when a ClusterRoleBinding grants it something. Only there can it read or create.
     */
    private Set<String> grantedNamespaces(Subject s) {
      Set<String> scope = new java.util.TreeSet<>();
      for (Grant gr : rbac.grantsOf(s)) {
        if (gr.isClusterWide()) {
          return new java.util.TreeSet<>(snapshot.namespaces());
        }
        scope.add(gr.namespace());
      }
      return scope;
    }

    private void secretReads(Subject s, Set<String> scope) {
      Asset from = identity(s);
      for (Map.Entry<String, List<KubeObject>> e : secretsByNamespace().entrySet()) {
        if (!scope.contains(e.getKey())) {
          continue;
        }
        Request any = Request.resource("get", "", "secrets", "", e.getKey());
        List<Grant> all = rbac.grantsOf(s, any);
        for (KubeObject secret : e.getValue()) {
          List<Grant> grants = all.isEmpty() ? rbac.grantsOf(s, any.named(secret.name())) : all;
          if (!grants.isEmpty()) {
            g.connect(
                from,
                secret(secret.namespace(), secret.name()),
                new Edge(
                    EdgeType.CAN_READ_SECRET,
                    "T1552.007",
                    0.95,
                    List.of(
                        "get secrets in namespace " + e.getKey() + " via " + grants.get(0).via())));
          }
        }
      }
    }

    /**
     * Creating a pod in a namespace that does not enforce the baseline Pod Security Standard runs a
     * privileged container with the host's root mounted: root on a node.
     */
    private Map<String, List<KubeObject>> secretsByNamespace;

    private Map<String, List<KubeObject>> secretsByNamespace() {
      if (secretsByNamespace == null) {
        secretsByNamespace = new java.util.TreeMap<>();
        for (KubeObject o : snapshot.ofKind("Secret")) {
          secretsByNamespace.computeIfAbsent(o.namespace(), k -> new ArrayList<>()).add(o);
        }
      }
      return secretsByNamespace;
    }

    private void podCreation(Subject s, Set<String> scope) {
      for (String ns : scope) {
        if (enforcesBaseline(ns)) {
          continue;
        }
        List<Grant> grants = rbac.grantsOf(s, Request.resource("create", "", "pods", "", ns));
        if (grants.isEmpty()) {
          continue;
        }
        for (Asset node : g.nodes) {
          if (!g.isControlPlane(node)) {
            g.connect(
                identity(s),
                node,
                new Edge(
                    EdgeType.CAN_CREATE_POD,
                    "T1610",
                    0.8,
                    List.of(
                        "create pods in namespace "
                            + ns
                            + " (no Pod Security admission enforcing baseline) via "
                            + grants.get(0).via(),
                        "a privileged pod with hostPath / lands on " + node.id())));
          }
        }
        return;
      }
    }

    private boolean enforcesBaseline(String ns) {
      return snapshot
          .find("Namespace", null, ns)
          .map(o -> o.labels().get("pod-security.kubernetes.io/enforce"))
          .map(level -> level.equals("baseline") || level.equals("restricted"))
          .orElse(false);
    }

    private Asset secret(String namespace, String name) {
      Asset a = new Asset(Asset.Kind.SECRET, namespace, name);
      if (!g.graph.containsVertex(a)) {
        g.add(a, snapshot.find("Secret", namespace, name).orElse(null));
      }
      return a;
    }
  }
}
