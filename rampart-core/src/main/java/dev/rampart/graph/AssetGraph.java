package dev.rampart.graph;

import dev.rampart.checks.version.VersionData;
import dev.rampart.network.Decision;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.network.PortSet;
import dev.rampart.network.Reachability;
import dev.rampart.network.Route;
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

  /**
   * @param versions the known vulnerabilities of components Rampart sees the version of (for the
   *     ingress-nginx controller's image); Trivy Operator reports in the snapshot add to them
   */
  public static AssetGraph of(Snapshot snapshot, AssetGroups groups, VersionData versions) {
    AssetGraph g = new AssetGraph();
    new GraphBuilder(
            g, snapshot, Network.of(snapshot), groups, ImageVulnerabilities.of(snapshot, versions))
        .build();
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

  /** Adds {@code e} unless an edge of its type already joins the two assets. */
  void connectOnce(Asset from, Asset to, Edge e) {
    for (Edge existing :
        graph.getAllEdges(from, to) == null ? Set.<Edge>of() : graph.getAllEdges(from, to)) {
      if (existing.type() == e.type()) {
        return;
      }
    }
    connect(from, to, e);
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
    private final Network network;
    private final AssetGroups groups;
    private final ImageVulnerabilities vulnerabilities;
    private final Rbac rbac;
    private final Map<KubeObject, Asset> workloadAssets = new IdentityHashMap<>();
    private final PodPlacement placed;

    GraphBuilder(
        AssetGraph g,
        Snapshot snapshot,
        Network network,
        AssetGroups groups,
        ImageVulnerabilities vulnerabilities) {
      this.g = g;
      this.snapshot = snapshot;
      this.network = network;
      this.groups = groups;
      this.vulnerabilities = vulnerabilities;
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
      exposure();
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
          workloadControl(s, scope);
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

    /**
     * The routes of the NetworkPolicy engine ({@link InternetPaths}): only those it admits, hop by
     * hop: internet → Ingress or Gateway API route → Service → the workload, or internet → Service
     * (LoadBalancer, NodePort, external IP) → the workload, or straight to the workload on its host
     * ports or host network. The last hop is where the attacker runs code in the workload.
     */
    /** The workloads the internet reaches directly. */
    private final Set<Asset> exposed = new java.util.HashSet<>();

    private void exposure() {
      for (InternetPaths.Entry e : network.internetPaths().entries()) {
        Asset w = workloadAssets.get(e.workload().object());
        if (w == null) {
          continue;
        }
        for (Route r : e.routes()) {
          if (!r.internet()) {
            continue;
          }
          PortSet ports = e.ports().intersect(r.podPorts());
          List<Asset> chain = new ArrayList<>();
          switch (r.kind()) {
            case INGRESS, GATEWAY_ROUTE -> {
              chain.add(objectAsset(Asset.Kind.ROUTE, r.via()));
              if (r.service() != null) {
                chain.add(service(r.service()));
              }
            }
            case HOST_PORT, HOST_NETWORK -> {}
            default -> chain.add(service(r.via()));
          }
          Asset from = Asset.INTERNET;
          for (Asset hop : chain) {
            String why =
                from == Asset.INTERNET
                    ? "open to the internet: " + r.describe() + note(r)
                    : from.id() + " forwards to " + hop.id();
            g.connectOnce(from, hop, new Edge(EdgeType.EXPOSES, null, 1.0, List.of(why)));
            from = hop;
          }
          String into =
              chain.isEmpty()
                  ? "exposed to the internet via " + r.describe() + note(r)
                  : from.id() + " selects the pods of " + e.workload().object().ref().display();
          exposed.add(w);
          g.connectOnce(
              from,
              w,
              new Edge(
                  EdgeType.EXPOSES,
                  "T1190",
                  0.6,
                  List.of(into, "NetworkPolicy admits the traffic on " + ports.describe())));
        }
      }
    }

    private static String note(Route r) {
      return r.note() == null ? "" : " (" + r.note() + ")";
    }

    private Asset service(dev.rampart.snapshot.ObjectRef ref) {
      Asset a = new Asset(Asset.Kind.SERVICE, ref.namespace(), ref.name());
      if (!g.graph.containsVertex(a)) {
        g.add(a, snapshot.find("Service", ref.namespace(), ref.name()).orElse(null));
      }
      return a;
    }

    private Asset objectAsset(Asset.Kind kind, dev.rampart.snapshot.ObjectRef ref) {
      Asset a = Asset.of(kind, ref.kind(), ref.namespace(), ref.name());
      if (!g.graph.containsVertex(a)) {
        g.add(a, snapshot.find(ref.kind(), ref.namespace(), ref.name()).orElse(null));
      }
      return a;
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
      if (!mayRun(w, node)) {
        return null;
      }
      String pinned = w.spec().getNodeName();
      if (pinned != null && !pinned.isEmpty()) {
        return w.field("nodeName") + ": " + pinned;
      }
      if (placedNodes(w) != null) {
        String pod = placed.nodes(w).get(node.name());
        return pod == null ? null : "its pod " + pod + " runs on " + node.id();
      }
      if ("DaemonSet".equals(w.kind())) {
        return "a DaemonSet runs on every node it tolerates, " + node.id() + " among them";
      }
      return "may be scheduled on " + node.id() + " (assumed: any node the scheduler may pick)";
    }

    /** {@link #placement} without its words: asked for every node and service account. */
    private boolean mayRun(Workload w, Asset node) {
      String pinned = w.spec().getNodeName();
      if (pinned != null && !pinned.isEmpty()) {
        return pinned.equals(node.name());
      }
      if (placedNodes(w) != null) {
        return placed.nodes(w).containsKey(node.name());
      }
      return !(g.isControlPlane(node) && !toleratesControlPlane(w));
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
      // Most nodes run every carrier of an account: its words are written once, not per node.
      Map<Subject, String> everyCarrier = new HashMap<>();
      for (Asset node : g.nodes) {
        Map<Subject, List<Workload>> here = byNode.getOrDefault(node, Map.of());
        for (Map.Entry<Subject, List<Workload>> e : carriers.entrySet()) {
          List<Workload> there = here.get(e.getKey());
          if (there == null) {
            continue;
          }
          g.connect(
              node,
              identity(e.getKey()),
              new Edge(
                  EdgeType.HOSTS,
                  "T1552.007",
                  0.8,
                  List.of(
                      "root on "
                          + node.id()
                          + " reads the token of "
                          + e.getKey().display()
                          + " that the kubelet mounts for "
                          + (there.size() == e.getValue().size()
                              ? everyCarrier.computeIfAbsent(
                                  e.getKey(), k -> ServiceAccountTokens.describe(there, 3))
                              : ServiceAccountTokens.describe(there, 3)))));
        }
      }
    }

    /**
     * The nodes {@code w} may run on, in the graph's node order: those of its Pods when the
     * snapshot has them, otherwise every node it may be scheduled on.
     */
    private List<Asset> nodesOf(Workload w) {
      List<Asset> known = placedNodes(w);
      if (known != null) {
        return known;
      }
      List<Asset> result = new ArrayList<>();
      for (Asset node : g.nodes) {
        if (mayRun(w, node)) {
          result.add(node);
        }
      }
      return result;
    }

    /**
     * The nodes of the graph that the Pods of {@code w} run on, in the graph's node order; null
     * when the snapshot does not show them (no Pods, a pinned {@code nodeName}, or none of their
     * nodes among the Node objects).
     */
    private List<Asset> placedNodes(Workload w) {
      String pinned = w.spec().getNodeName();
      if (!placed.knows(w) || (pinned != null && !pinned.isEmpty())) {
        return null;
      }
      List<Asset> result = new ArrayList<>();
      for (String name : placed.nodes(w).keySet()) {
        Asset node = nodesByName().get(name);
        if (node != null) {
          result.add(node);
        }
      }
      if (result.isEmpty()) {
        return null;
      }
      result.sort(java.util.Comparator.comparingInt(nodeOrder()::get));
      return result;
    }

    private Map<String, Asset> nodesByName;
    private Map<Asset, Integer> nodeOrder;

    private Map<String, Asset> nodesByName() {
      if (nodesByName == null) {
        nodesByName = new java.util.LinkedHashMap<>();
        g.nodes.forEach(n -> nodesByName.put(n.name(), n));
      }
      return nodesByName;
    }

    private Map<Asset, Integer> nodeOrder() {
      if (nodeOrder == null) {
        nodeOrder = new HashMap<>();
        for (int i = 0; i < g.nodes.size(); i++) {
          nodeOrder.put(g.nodes.get(i), i);
        }
      }
      return nodeOrder;
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
        if (v.getPersistentVolumeClaim() != null
            && v.getPersistentVolumeClaim().getClaimName() != null) {
          String claim = v.getPersistentVolumeClaim().getClaimName();
          Asset pvc = Asset.of(Asset.Kind.VOLUME, "PersistentVolumeClaim", w.namespace(), claim);
          if (!g.graph.containsVertex(pvc)) {
            g.add(pvc, snapshot.find("PersistentVolumeClaim", w.namespace(), claim).orElse(null));
          }
          g.connect(
              a,
              pvc,
              new Edge(
                  EdgeType.MOUNTS,
                  "T1005",
                  0.95,
                  List.of(
                      w.object().ref().display()
                          + " "
                          + w.field("volumes[" + i + "].persistentVolumeClaim.claimName")
                          + ": "
                          + claim)));
        }
        if (v.getHostPath() != null && v.getHostPath().getPath() != null) {
          g.connect(
              a,
              Asset.hostPath(v.getHostPath().getPath()),
              new Edge(
                  EdgeType.MOUNTS,
                  null,
                  1.0,
                  List.of(
                      w.object().ref().display()
                          + " "
                          + w.field("volumes[" + i + "].hostPath.path")
                          + ": "
                          + v.getHostPath().getPath())));
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
     * East-west movement, as the NetworkPolicy engine decides it ({@link Network#decide}, the
     * verdict {@code rampart reach} gives): from the workloads an attacker may hold (those the
     * internet reaches, and those a vulnerability lets them take over on the way) to the workloads
     * that matter, those of critical asset groups ({@code REACHES}: the data is at hand) and those
     * with an exploitable vulnerability ({@code VULNERABLE}: code runs there). Reachability is
     * asked per class of pods that no policy tells apart, so the cost follows the sources and the
     * targets, not every pair of pods. The vulnerable workloads the internet reaches directly get a
     * {@code VULNERABLE} edge beside their {@code EXPOSES} one.
     */
    private void reaches() {
      Reachability reach = network.reachability();
      Map<Integer, List<PodEndpoint>> targetsByClass = new java.util.TreeMap<>();
      List<PodEndpoint> sources = new ArrayList<>();
      for (PodEndpoint p : network.endpoints()) {
        Workload w = workloadOf(p);
        if (w == null) {
          continue;
        }
        boolean vulnerable = !vulnerabilities.of(w).isEmpty();
        if (vulnerable || groups.isCritical(w.object())) {
          targetsByClass.computeIfAbsent(reach.classOf(p), k -> new ArrayList<>()).add(p);
        }
        Asset a = workloadAssets.get(w.object());
        if (exposed.contains(a)) {
          sources.add(p);
          if (vulnerable) {
            exploitFromInternet(a, w);
          }
        }
      }
      if (targetsByClass.isEmpty()) {
        return;
      }
      Set<PodEndpoint> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      java.util.ArrayDeque<PodEndpoint> queue = new java.util.ArrayDeque<>(sources);
      seen.addAll(sources);
      Map<Integer, java.util.BitSet> reachable = new HashMap<>();
      while (!queue.isEmpty()) {
        PodEndpoint from = queue.poll();
        java.util.BitSet classes =
            reachable.computeIfAbsent(reach.classOf(from), reach::reachableClasses);
        for (Map.Entry<Integer, List<PodEndpoint>> t : targetsByClass.entrySet()) {
          if (!classes.get(t.getKey())) {
            continue;
          }
          for (PodEndpoint to : t.getValue()) {
            if (to != from && reachEdges(from, to) && seen.add(to)) {
              queue.add(to);
            }
          }
        }
      }
    }

    /** Adds the edges from {@code from} to {@code to}; whether {@code to} can be taken over. */
    private boolean reachEdges(PodEndpoint from, PodEndpoint to) {
      Decision d = network.decide(from, to);
      if (!d.allowed()) {
        return false;
      }
      Workload target = workloadOf(to);
      Asset a = workloadAssets.get(from.object());
      Asset b = workloadAssets.get(target.object());
      String why = new InternetPaths.Hop(from, to, null, d, d.ports()).describe();
      if (groups.isCritical(target.object())) {
        g.connect(a, b, new Edge(EdgeType.REACHES, "T1210", 0.5, List.of(why)));
      }
      List<ImageVulnerabilities.Vulnerability> vulns = vulnerabilities.of(target);
      if (vulns.isEmpty()) {
        return false;
      }
      List<String> evidence = new ArrayList<>();
      vulns.stream().limit(3).forEach(v -> evidence.add(v.describe()));
      evidence.add(why);
      g.connect(a, b, new Edge(EdgeType.VULNERABLE, "T1210", best(vulns), evidence));
      return true;
    }

    /** Beside each way the internet gets into {@code a}, the exploit of its known CVEs. */
    private void exploitFromInternet(Asset a, Workload w) {
      List<ImageVulnerabilities.Vulnerability> vulns = vulnerabilities.of(w);
      for (Edge e : List.copyOf(g.graph.incomingEdgesOf(a))) {
        if (e.type() != EdgeType.EXPOSES) {
          continue;
        }
        List<String> evidence = new ArrayList<>();
        vulns.stream().limit(3).forEach(v -> evidence.add(v.describe()));
        evidence.addAll(e.evidence());
        g.connect(
            g.graph.getEdgeSource(e),
            a,
            new Edge(EdgeType.VULNERABLE, "T1190", best(vulns), evidence));
      }
    }

    private static double best(List<ImageVulnerabilities.Vulnerability> vulns) {
      return vulns.stream()
          .mapToDouble(ImageVulnerabilities.Vulnerability::likelihood)
          .max()
          .orElse(0.75);
    }

    private final Map<KubeObject, Workload> workloadByObject = new IdentityHashMap<>();

    private Workload workloadOf(PodEndpoint p) {
      if (workloadByObject.isEmpty()) {
        snapshot.workloads().forEach(w -> workloadByObject.put(w.object(), w));
      }
      Workload w = workloadByObject.get(p.object());
      return w == null || !workloadAssets.containsKey(w.object()) ? null : w;
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
                          + e.getKey().display()
                          + ": a long-lived token that never expires")));
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

    /**
     * {@code identity → permission set → Secret}: the binding (with its role) that lets the
     * identity read each Secret it can read. Bindings are shared: the edges from a permission set
     * are added once, whoever holds it.
     */
    private void secretReads(Subject s, Set<String> scope) {
      for (Map.Entry<String, List<KubeObject>> e : secretsByNamespace().entrySet()) {
        if (!scope.contains(e.getKey())) {
          continue;
        }
        Request any = Request.resource("get", "", "secrets", "", e.getKey());
        List<Grant> all = rbac.grantsOf(s, any);
        for (KubeObject secret : e.getValue()) {
          List<Grant> grants = all.isEmpty() ? rbac.grantsOf(s, any.named(secret.name())) : all;
          if (!grants.isEmpty()) {
            Grant grant = grants.get(0);
            g.connectOnce(
                permissionSet(s, grant),
                secret(secret.namespace(), secret.name()),
                new Edge(
                    EdgeType.CAN_READ_SECRET,
                    "T1552.007",
                    0.95,
                    List.of(
                        grant.binding().roleDisplay()
                            + " grants "
                            + grant.rule().describe()
                            + " in namespace "
                            + e.getKey())));
          }
        }
      }
    }

    /** The binding that grants {@code grant}, and the edge from {@code s} to it. */
    private Asset permissionSet(Subject s, Grant grant) {
      var b = grant.binding();
      Asset set = Asset.of(Asset.Kind.PERMISSION_SET, b.kind(), b.namespace(), b.name());
      if (!g.graph.containsVertex(set)) {
        g.add(set, b.object());
      }
      g.connectOnce(
          identity(s),
          set,
          new Edge(
              EdgeType.GRANTED,
              "T1078",
              1.0,
              List.of(grant.via() + (grant.viaGroup() ? "" : " names " + s.display()))));
      return set;
    }

    /**
     * What creating pods, changing workloads or running commands in pods of a namespace gives:
     * {@code permission set → Namespace}, then {@code Namespace → ServiceAccount} (a new pod runs
     * as any account of its namespace and carries its token), {@code Namespace → Node} (without
     * baseline Pod Security admission, a privileged pod with hostPath / is root on a node), and
     * {@code permission set → workload} for exec (the attacker runs in that workload's pods).
     */
    private void workloadControl(Subject s, Set<String> scope) {
      for (String ns : scope) {
        control(s, ns, Request.resource("create", "", "pods", "", ns), EdgeType.CAN_CREATE_POD);
        control(
            s,
            ns,
            Request.resource("patch", "apps", "deployments", "", ns),
            EdgeType.CAN_PATCH_WORKLOAD);
        List<Grant> exec = rbac.grantsOf(s, Request.resource("create", "", "pods", "exec", ns));
        if (!exec.isEmpty()) {
          Asset set = permissionSet(s, exec.get(0));
          for (Workload w : workloadsIn(ns)) {
            g.connectOnce(
                set,
                workloadAssets.get(w.object()),
                new Edge(
                    EdgeType.CAN_EXEC,
                    "T1609",
                    0.9,
                    List.of(
                        exec.get(0).binding().roleDisplay()
                            + " grants "
                            + exec.get(0).rule().describe()
                            + " in namespace "
                            + ns
                            + ": commands run in the pods of "
                            + w.object().ref().display())));
          }
        }
      }
    }

    private void control(Subject s, String ns, Request request, EdgeType type) {
      List<Grant> grants = rbac.grantsOf(s, request);
      if (grants.isEmpty()) {
        return;
      }
      Grant grant = grants.get(0);
      Asset namespace = namespace(ns);
      g.connectOnce(
          permissionSet(s, grant),
          namespace,
          new Edge(
              type,
              "T1610",
              type == EdgeType.CAN_CREATE_POD ? 1.0 : 0.9,
              List.of(
                  grant.binding().roleDisplay()
                      + " grants "
                      + grant.rule().describe()
                      + " in namespace "
                      + ns)));
    }

    private final Map<String, Asset> namespaces = new HashMap<>();

    /** The namespace hub, with its edges to its service accounts and, unguarded, to the nodes. */
    private Asset namespace(String ns) {
      Asset known = namespaces.get(ns);
      if (known != null) {
        return known;
      }
      Asset a = new Asset(Asset.Kind.NAMESPACE, null, ns);
      namespaces.put(ns, a);
      g.add(a, snapshot.find("Namespace", null, ns).orElse(null));
      Set<String> accounts = new java.util.TreeSet<>();
      accounts.add("default");
      for (KubeObject sa : snapshot.ofKind("ServiceAccount")) {
        if (ns.equals(sa.namespace())) {
          accounts.add(sa.name());
        }
      }
      for (String name : accounts) {
        g.connect(
            a,
            identity(Subject.serviceAccount(ns, name)),
            new Edge(
                EdgeType.RUNS_AS,
                "T1552.007",
                0.9,
                List.of(
                    "a pod created in namespace "
                        + ns
                        + " sets serviceAccountName: "
                        + name
                        + " and carries its token")));
      }
      if (!enforcesBaseline(ns)) {
        List<Asset> workers = workers();
        List<Asset> to = workers.size() > 1 ? List.of(anyWorker(workers)) : workers;
        for (Asset node : to) {
          g.connect(
              a,
              node,
              new Edge(
                  EdgeType.ESCAPES_TO,
                  "T1611",
                  0.8,
                  List.of(
                      "namespace "
                          + ns
                          + " does not enforce the baseline Pod Security Standard"
                          + " (pod-security.kubernetes.io/enforce)",
                      "a privileged pod with hostPath / lands on " + node.id())));
        }
      }
      return a;
    }

    private List<Asset> workers;
    private Asset anyWorker;

    private List<Asset> workers() {
      if (workers == null) {
        workers = g.nodes.stream().filter(n -> !g.isControlPlane(n)).toList();
      }
      return workers;
    }

    /**
     * One shared placement for the pods an attacker creates: {@code Node/any-worker}, with an edge
     * to every worker node (the pod's {@code nodeName} picks it), instead of an edge from every
     * unguarded namespace to every node (namespaces times nodes).
     */
    private Asset anyWorker(List<Asset> workers) {
      if (anyWorker == null) {
        anyWorker = new Asset(Asset.Kind.NODE, null, "any-worker");
        g.add(anyWorker, null);
        for (Asset node : workers) {
          g.connect(
              anyWorker,
              node,
              new Edge(
                  EdgeType.ESCAPES_TO,
                  null,
                  1.0,
                  List.of(
                      "a pod created with spec.nodeName: "
                          + node.name()
                          + " runs on "
                          + node.id()
                          + " (the attacker picks the worker node)")));
        }
      }
      return anyWorker;
    }

    private Map<String, List<Workload>> workloadsByNamespace;

    private List<Workload> workloadsIn(String ns) {
      if (workloadsByNamespace == null) {
        workloadsByNamespace = new HashMap<>();
        for (Workload w : snapshot.workloads()) {
          if (workloadAssets.containsKey(w.object())) {
            workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
          }
        }
      }
      return workloadsByNamespace.getOrDefault(ns, List.of());
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
