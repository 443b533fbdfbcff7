package dev.rampart.rbac;

import dev.rampart.rbac.Escalation.Step;
import dev.rampart.rbac.Escalation.Technique;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which subjects are effectively cluster-admin: directly (every verb on every resource
 * cluster-wide, or {@code system:masters}) or in one step, through a permission that hands over an
 * admin identity — binding or escalating roles, impersonation, running or entering a pod as an
 * admin service account, minting or reading its token, approving a client certificate for {@code
 * system:masters}, or a mutating admission webhook. Each answer carries the chain of grants that
 * proves it. Pure: a function of the {@link Rbac} of one snapshot.
 */
public final class Escalations {

  private static final String CORE = "";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final String CERTIFICATES = "certificates.k8s.io";
  private static final String ADMISSION = "admissionregistration.k8s.io";
  private static final String CLUSTER_ADMIN = "cluster-admin";
  private static final String CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";

  /**
   * Controllers whose creation runs a pod as any service account of the namespace, and whose change
   * (update, patch) does so for an existing one: group, resource, kind.
   */
  private static final List<String[]> POD_CONTROLLERS =
      List.of(
          new String[] {"apps", "deployments", "Deployment"},
          new String[] {"apps", "daemonsets", "DaemonSet"},
          new String[] {"apps", "statefulsets", "StatefulSet"},
          new String[] {"apps", "replicasets", "ReplicaSet"},
          new String[] {"batch", "jobs", "Job"},
          new String[] {"batch", "cronjobs", "CronJob"},
          new String[] {CORE, "replicationcontrollers", "ReplicationController"});

  private final Rbac rbac;
  private final Map<Subject, Optional<Escalation>> direct = new ConcurrentHashMap<>();
  private final Map<Subject, List<Grant>> grants = new ConcurrentHashMap<>();
  private final Map<String, List<Subject>> adminAccounts = new TreeMap<>();
  private final List<Subject> adminUsers = new ArrayList<>();
  private final List<Subject> adminGroups = new ArrayList<>();
  private final Set<String> adminRoles = new LinkedHashSet<>();
  private final Map<Subject, List<KubeObject>> tokenSecrets = new TreeMap<>();
  private final List<Workload> adminTokenWorkloads = new ArrayList<>();

  Escalations(Rbac rbac) {
    this.rbac = rbac;
    adminRoles.add(CLUSTER_ADMIN);
    rbac.clusterRoles().values().stream()
        .filter(r -> r.rules().stream().anyMatch(Rule::grantsEverything))
        .map(Role::name)
        .sorted()
        .forEach(adminRoles::add);
    adminGroups.add(Subject.group(Subject.MASTERS));
    for (Subject s : rbac.subjects()) {
      if (direct(s).isEmpty()) {
        continue;
      }
      switch (s.kind()) {
        case SERVICE_ACCOUNT -> {
          if (rbac.serviceAccountExists(s.namespace(), s.name())) {
            adminAccounts.computeIfAbsent(s.namespace(), k -> new ArrayList<>()).add(s);
            adminTokenWorkloads.addAll(rbac.tokens().mountedBy(s));
          }
        }
        case USER -> adminUsers.add(s);
        case GROUP -> {
          if (!adminGroups.contains(s)) {
            adminGroups.add(s);
          }
        }
      }
    }
    for (Map.Entry<Subject, List<KubeObject>> e : rbac.tokenSecrets().entrySet()) {
      if (direct(e.getKey()).isPresent()) {
        tokenSecrets.put(e.getKey(), e.getValue());
      }
    }
  }

  public static Escalations of(Rbac rbac) {
    return rbac.escalations();
  }

  /**
   * How {@code subject} is cluster-admin without any step: {@code system:masters}, or a grant of
   * every verb on every resource of every group, cluster-wide (through its own name or a group).
   */
  public Optional<Escalation> direct(Subject subject) {
    return direct.computeIfAbsent(subject, this::computeDirect);
  }

  private Optional<Escalation> computeDirect(Subject s) {
    if (s.equals(Subject.group(Subject.MASTERS))) {
      return Optional.of(
          new Escalation(
              s,
              Technique.SYSTEM_MASTERS,
              "member of system:masters",
              List.of(new Step(mastersFact(), List.of()))));
    }
    List<Grant> all =
        grantsOf(s).stream().filter(g -> g.isClusterWide() && g.rule().grantsEverything()).toList();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Escalation(
            s,
            Technique.WILDCARD_GRANT,
            "every verb on every resource cluster-wide via " + all.get(0).via(),
            List.of(new Step("holds every verb on every resource, cluster-wide", all))));
  }

  /** Each subject's grants, resolved once: every technique asks about them. */
  private List<Grant> grantsOf(Subject s) {
    return grants.computeIfAbsent(s, rbac::grantsOf);
  }

  private static String mastersFact() {
    return "Group system:masters is cluster-admin: the API server allows it everything, whatever"
        + " RBAC says";
  }

  /**
   * Every way {@code subject} is cluster-admin: the direct one if it is, otherwise each one-step
   * escalation. Empty when it is neither.
   */
  public List<Escalation> of(Subject subject) {
    Optional<Escalation> d = direct(subject);
    if (d.isPresent()) {
      return List.of(d.get());
    }
    Held held = new Held(subject, grantsOf(subject));
    List<Escalation> found = new ArrayList<>();
    if (held.grants.isEmpty()) {
      return found;
    }
    impersonation(held, found);
    bind(held, found);
    escalate(held, found);
    workloads(held, found);
    exec(held, found);
    nodeProxy(held, found);
    tokenCreate(held, found);
    tokenSecrets(held, found);
    certificates(held, found);
    webhooks(held, found);
    return found;
  }

  public boolean isEffectivelyClusterAdmin(Subject subject) {
    return !of(subject).isEmpty();
  }

  /** Every subject of the snapshot that is cluster-admin, directly or in one step, sorted. */
  public Map<Subject, List<Escalation>> all() {
    Map<Subject, List<Escalation>> result = new TreeMap<>();
    Set<Subject> subjects = new LinkedHashSet<>(rbac.subjects());
    subjects.add(Subject.group(Subject.MASTERS));
    for (Subject s : subjects) {
      List<Escalation> e = of(s);
      if (!e.isEmpty()) {
        result.put(s, e);
      }
    }
    return result;
  }

  /**
   * The grants of one subject, asked many questions. Each technique first asks {@link #mayDo},
   * which ignores namespaces and names, so that the many per-namespace and per-account questions
   * are only put to the few subjects that could answer yes.
   */
  private static final class Held {
    final Subject subject;
    final List<Grant> grants;

    Held(Subject subject, List<Grant> grants) {
      this.subject = subject;
      this.grants = grants;
    }

    /** Whether some grant allows one of the requests somewhere, for some name. */
    boolean mayDo(List<Request> requests) {
      for (Grant g : grants) {
        for (Request q : requests) {
          if (g.rule().allowsSomeName(q)) {
            return true;
          }
        }
      }
      return false;
    }

    List<Grant> allowing(Request q) {
      return allowing(List.of(q), false);
    }

    /** The grants that allow any of the requests (with {@code someName}, for some name). */
    List<Grant> allowing(List<Request> requests, boolean someName) {
      Set<Grant> found = new LinkedHashSet<>();
      for (Grant g : grants) {
        for (Request q : requests) {
          if (g.binding().appliesIn(q.namespace())
              && (someName ? g.rule().allowsSomeName(q) : g.rule().allows(q))) {
            found.add(g);
            break;
          }
        }
      }
      return List.copyOf(found);
    }
  }

  private Step proof(Subject target) {
    Escalation d = direct(target).orElseThrow();
    if (d.technique() == Technique.SYSTEM_MASTERS) {
      return d.chain().get(0);
    }
    return new Step(target.display() + " is cluster-admin", d.enablingGrants());
  }

  private static Request cluster(String verb, String group, String resource) {
    return Request.resource(verb, group, resource, "", null);
  }

  private static Request cluster(String verb, String group, String resource, String sub) {
    return Request.resource(verb, group, resource, sub, null);
  }

  private static Request in(String namespace, String verb, String group, String resource) {
    return Request.resource(verb, group, resource, "", namespace);
  }

  private static List<Grant> both(List<Grant> a, List<Grant> b) {
    Set<Grant> grants = new LinkedHashSet<>(a);
    grants.addAll(b);
    return List.copyOf(grants);
  }

  private static void add(
      List<Escalation> found,
      Held h,
      Technique technique,
      String summary,
      String can,
      List<Grant> grants,
      Step proof) {
    found.add(
        new Escalation(
            h.subject, technique, summary, List.of(new Step("can " + can, grants), proof)));
  }

  private void impersonation(Held h, List<Escalation> found) {
    Request users = cluster("impersonate", CORE, "users");
    Request groups = cluster("impersonate", CORE, "groups");
    Request accounts = in(Request.ANY_NAMESPACE, "impersonate", CORE, "serviceaccounts");
    if (!h.mayDo(List.of(users, groups, accounts))) {
      return;
    }
    // Impersonating a group needs an impersonated user (or service account) to carry it.
    List<Grant> carrier = h.allowing(List.of(users, accounts), true);
    if (!carrier.isEmpty()) {
      for (Subject g : adminGroups) {
        List<Grant> grants = h.allowing(groups.named(g.name()));
        if (!grants.isEmpty()) {
          add(
              found,
              h,
              Technique.IMPERSONATE,
              "impersonate " + g.display(),
              "impersonate " + g.display() + ", and a user or service account to carry it",
              both(grants, carrier),
              proof(g));
        }
      }
    }
    for (Subject u : adminUsers) {
      List<Grant> grants = h.allowing(users.named(u.name()));
      if (!grants.isEmpty()) {
        String summary = "impersonate " + u.display();
        add(found, h, Technique.IMPERSONATE, summary, summary, grants, proof(u));
      }
    }
    for (List<Subject> inNamespace : adminAccounts.values()) {
      for (Subject sa : inNamespace) {
        List<Grant> grants =
            h.allowing(in(sa.namespace(), "impersonate", CORE, "serviceaccounts").named(sa.name()));
        if (!grants.isEmpty()) {
          String summary = "impersonate " + sa.display();
          add(found, h, Technique.IMPERSONATE, summary, summary, grants, proof(sa));
        }
      }
    }
  }

  private void bind(Held h, List<Escalation> found) {
    List<Request> bindings =
        List.of(
            cluster("create", RBAC_GROUP, "clusterrolebindings"),
            cluster("update", RBAC_GROUP, "clusterrolebindings"),
            cluster("patch", RBAC_GROUP, "clusterrolebindings"));
    Request bind = cluster("bind", RBAC_GROUP, "clusterroles");
    if (!h.mayDo(List.of(bind)) || !h.mayDo(bindings)) {
      return;
    }
    List<Grant> binding = h.allowing(bindings, true);
    if (binding.isEmpty()) {
      return;
    }
    for (String role : adminRoles) {
      List<Grant> bindRole = h.allowing(bind.named(role));
      if (!bindRole.isEmpty()) {
        found.add(
            new Escalation(
                h.subject,
                Technique.BIND,
                "bind ClusterRole/" + role + " to itself in a ClusterRoleBinding",
                List.of(
                    new Step(
                        "can bind ClusterRole/"
                            + role
                            + " and create or update ClusterRoleBindings",
                        both(bindRole, binding)),
                    new Step(
                        "ClusterRole/" + role + " grants every verb on every resource",
                        List.of()))));
        return;
      }
    }
  }

  private void escalate(Held h, List<Escalation> found) {
    if (!h.mayDo(List.of(cluster("escalate", RBAC_GROUP, "clusterroles")))) {
      return;
    }
    Set<String> bound = new LinkedHashSet<>();
    for (Grant g : h.grants) {
      if (g.isClusterWide() && g.role().isClusterRole() && g.role().exists()) {
        bound.add(g.role().name());
      }
    }
    for (String role : bound) {
      List<Grant> escalate =
          h.allowing(cluster("escalate", RBAC_GROUP, "clusterroles").named(role));
      List<Grant> update =
          h.allowing(
              List.of(
                  cluster("update", RBAC_GROUP, "clusterroles").named(role),
                  cluster("patch", RBAC_GROUP, "clusterroles").named(role)),
              false);
      if (!escalate.isEmpty() && !update.isEmpty()) {
        found.add(
            new Escalation(
                h.subject,
                Technique.ESCALATE,
                "add every permission to ClusterRole/" + role + ", which it is bound to",
                List.of(
                    new Step("can escalate and update ClusterRole/" + role, both(escalate, update)),
                    new Step(
                        "ClusterRole/" + role + " is bound to it cluster-wide",
                        h.grants.stream()
                            .filter(g -> g.role().name().equals(role) && g.isClusterWide())
                            .limit(1)
                            .toList()))));
        return;
      }
    }
  }

  /** Requests that run a pod as any service account of {@code namespace}. */
  private List<Request> podRunning(String namespace) {
    List<Request> requests = new ArrayList<>();
    requests.add(in(namespace, "create", CORE, "pods"));
    for (String[] kind : POD_CONTROLLERS) {
      requests.add(in(namespace, "create", kind[0], kind[1]));
      if (namespace == null || rbac.hasWorkload(namespace, kind[2])) {
        requests.add(in(namespace, "update", kind[0], kind[1]));
        requests.add(in(namespace, "patch", kind[0], kind[1]));
      }
    }
    return requests;
  }

  private void workloads(Held h, List<Escalation> found) {
    if (adminAccounts.isEmpty() || !h.mayDo(podRunning(null))) {
      return;
    }
    for (Map.Entry<String, List<Subject>> e : adminAccounts.entrySet()) {
      String ns = e.getKey();
      List<Grant> grants = h.allowing(podRunning(ns), false);
      if (!grants.isEmpty()) {
        Subject target = e.getValue().get(0);
        add(
            found,
            h,
            Technique.CREATE_WORKLOAD,
            "run a pod in namespace " + ns + " as " + target.display(),
            "create pods, or create or change pod controllers, in namespace " + ns,
            grants,
            proof(target));
      }
    }
  }

  /** Requests that reach into a running pod of {@code namespace}. */
  private static List<Request> podEntering(String ns) {
    return List.of(
        Request.resource("create", CORE, "pods", "exec", ns),
        Request.resource("get", CORE, "pods", "exec", ns),
        Request.resource("create", CORE, "pods", "attach", ns),
        Request.resource("get", CORE, "pods", "attach", ns),
        Request.resource("patch", CORE, "pods", "ephemeralcontainers", ns),
        Request.resource("update", CORE, "pods", "ephemeralcontainers", ns),
        in(ns, "patch", CORE, "pods"),
        in(ns, "update", CORE, "pods"));
  }

  private void exec(Held h, List<Escalation> found) {
    if (adminTokenWorkloads.isEmpty() || !h.mayDo(podEntering(null))) {
      return;
    }
    Set<String> done = new LinkedHashSet<>();
    for (Workload w : adminTokenWorkloads) {
      String ns = w.namespace();
      if (!done.add(ns)) {
        continue;
      }
      List<Grant> grants = h.allowing(podEntering(ns), false);
      if (!grants.isEmpty()) {
        Subject target = tokenOwner(w);
        add(
            found,
            h,
            Technique.EXEC,
            "exec into pods of "
                + w.object().ref().display()
                + ", which hold the token of "
                + target.display(),
            "exec into, attach to or change pods in namespace " + ns,
            grants,
            proof(target));
      }
    }
  }

  private static Subject tokenOwner(Workload w) {
    return Subject.serviceAccount(w.namespace(), ServiceAccountTokens.serviceAccountName(w.spec()));
  }

  private void nodeProxy(Held h, List<Escalation> found) {
    if (adminTokenWorkloads.isEmpty()) {
      return;
    }
    List<Grant> grants =
        h.allowing(
            List.of(
                cluster("get", CORE, "nodes", "proxy"), cluster("create", CORE, "nodes", "proxy")),
            true);
    if (!grants.isEmpty()) {
      Workload w = adminTokenWorkloads.get(0);
      Subject target = tokenOwner(w);
      add(
          found,
          h,
          Technique.NODE_PROXY,
          "run commands through the kubelet API (nodes/proxy) in pods of "
              + w.object().ref().display()
              + ", which hold the token of "
              + target.display(),
          "reach the kubelet API of every node (nodes/proxy)",
          grants,
          proof(target));
    }
  }

  private void tokenCreate(Held h, List<Escalation> found) {
    if (!h.mayDo(List.of(Request.resource("create", CORE, "serviceaccounts", "token", null)))) {
      return;
    }
    for (List<Subject> inNamespace : adminAccounts.values()) {
      for (Subject sa : inNamespace) {
        List<Grant> grants =
            h.allowing(
                Request.resource("create", CORE, "serviceaccounts", "token", sa.namespace())
                    .named(sa.name()));
        if (!grants.isEmpty()) {
          add(
              found,
              h,
              Technique.TOKEN_CREATE,
              "create a token for " + sa.display(),
              "create tokens (serviceaccounts/token) for " + sa.display(),
              grants,
              proof(sa));
        }
      }
    }
  }

  private void tokenSecrets(Held h, List<Escalation> found) {
    List<Request> reads =
        List.of(
            in(null, "get", CORE, "secrets"),
            in(null, "list", CORE, "secrets"),
            in(null, "watch", CORE, "secrets"));
    if (tokenSecrets.isEmpty() || !h.mayDo(reads)) {
      return;
    }
    for (Map.Entry<Subject, List<KubeObject>> e : tokenSecrets.entrySet()) {
      for (KubeObject secret : e.getValue()) {
        List<Request> named = new ArrayList<>();
        for (Request q : reads) {
          named.add(
              Request.resource(q.verb(), CORE, "secrets", "", secret.namespace())
                  .named(secret.name()));
        }
        List<Grant> grants = h.allowing(named, false);
        if (!grants.isEmpty()) {
          String name = secret.namespace() + "/" + secret.name();
          add(
              found,
              h,
              Technique.TOKEN_SECRET_READ,
              "read Secret " + name + ", the token of " + e.getKey().display(),
              "read Secret " + name,
              grants,
              proof(e.getKey()));
          break;
        }
      }
    }
  }

  private void certificates(Held h, List<Escalation> found) {
    List<Grant> create = h.allowing(cluster("create", CERTIFICATES, "certificatesigningrequests"));
    if (create.isEmpty()) {
      return;
    }
    List<Grant> approve =
        h.allowing(cluster("update", CERTIFICATES, "certificatesigningrequests", "approval"));
    // The approval admission plugin accepts the signer's name or its domain wildcard.
    List<Grant> signer =
        h.allowing(
            List.of(
                cluster("approve", CERTIFICATES, "signers").named(CLIENT_SIGNER),
                cluster("approve", CERTIFICATES, "signers").named("kubernetes.io/*")),
            false);
    if (!approve.isEmpty() && !signer.isEmpty()) {
      add(
          found,
          h,
          Technique.CSR_APPROVAL,
          "create and approve a client certificate (signer "
              + CLIENT_SIGNER
              + ") for Group system:masters",
          "create CertificateSigningRequests, approve them, and approve for signer "
              + CLIENT_SIGNER,
          both(both(create, approve), signer),
          new Step(mastersFact(), List.of()));
    }
  }

  private void webhooks(Held h, List<Escalation> found) {
    List<Grant> grants =
        h.allowing(
            List.of(
                cluster("create", ADMISSION, "mutatingwebhookconfigurations"),
                cluster("update", ADMISSION, "mutatingwebhookconfigurations"),
                cluster("patch", ADMISSION, "mutatingwebhookconfigurations")),
            true);
    if (!grants.isEmpty()) {
      add(
          found,
          h,
          Technique.MUTATING_WEBHOOK,
          "register a mutating admission webhook that rewrites every pod and RBAC object written",
          "create or change MutatingWebhookConfigurations",
          grants,
          new Step(
              "a mutating webhook sees and changes every matching request, e.g. adds its caller"
                  + " to a cluster-admin ClusterRoleBinding or runs a pod as an admin account",
              List.of()));
    }
  }
}
