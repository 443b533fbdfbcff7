package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RBAC of one snapshot, indexed: every binding with its resolved role, and which bindings name
 * which subject. Answers the authorizer's question ("may S do R?") the way the Kubernetes RBAC
 * authorizer does, and its two inverses: what can S do ({@link #grantsOf(Subject)}) and who can do
 * R ({@link #whoCan(Request)}).
 *
 * <p>RBAC only: other authorizers (Node, webhooks) and the {@code system:masters} bypass of the API
 * server are not RBAC decisions; {@link Escalations} accounts for {@code system:masters}.
 */
public final class Rbac {

  /** Per snapshot, while the snapshot lives; built once even when threads ask at the same time. */
  private static final Snapshot.Derivation<Rbac> RBAC = new Snapshot.Derivation<>(Rbac::new);

  private static final String TOKEN_SECRET = "kubernetes.io/service-account-token";
  private static final String TOKEN_SECRET_OWNER = "kubernetes.io/service-account.name";

  private static final Comparator<Grant> GRANT_ORDER =
      Comparator.comparing(Grant::holder)
          .thenComparing(g -> !g.isClusterWide())
          .thenComparing(g -> Objects.toString(g.namespace(), ""))
          .thenComparing(g -> g.binding().display())
          .thenComparingInt(g -> g.role().rules().indexOf(g.rule()));

  private final List<Binding> bindings;
  private final Map<Binding, Role> roles = new IdentityHashMap<>();
  private final Map<KubeObject, Binding> byObject = new IdentityHashMap<>();
  private final Map<KubeObject, List<Binding>> byRole = new IdentityHashMap<>();
  private final Map<Subject, List<Named>> byGrantee = new HashMap<>();
  private final Set<String> serviceAccounts = new HashSet<>();
  private final List<Subject> accounts = new ArrayList<>();
  private final Map<Subject, List<KubeObject>> tokenSecrets = new HashMap<>();
  private final Set<String> workloadKinds = new HashSet<>();
  private final boolean hasServiceAccounts;
  private final Map<String, Role> clusterRoles;
  private final Map<String, Role> namespacedRoles = new HashMap<>();
  private final ServiceAccountTokens tokens;
  private Escalations escalations;

  /** A binding's subject at an index. */
  private record Named(Binding binding, int index) {}

  private Rbac(Snapshot snapshot) {
    this.clusterRoles = Aggregation.resolve(snapshot.ofKind(Role.CLUSTER_ROLE));
    indexRoles(snapshot);
    this.bindings = readBindings(snapshot);
    indexBindings();
    List<KubeObject> sas = snapshot.ofKind("ServiceAccount");
    this.hasServiceAccounts = !sas.isEmpty();
    for (KubeObject a : sas) {
      if (a.namespace() != null) {
        serviceAccounts.add(a.namespace() + "/" + a.name());
        accounts.add(Subject.serviceAccount(a.namespace(), a.name()));
      }
    }
    indexTokenSecrets(snapshot);
    for (String kind : Workloads.KINDS) {
      snapshot.ofKind(kind).forEach(o -> workloadKinds.add(o.namespace() + "/" + kind));
    }
    this.tokens = ServiceAccountTokens.of(snapshot);
  }

  private void indexRoles(Snapshot snapshot) {
    for (KubeObject o : snapshot.ofKind(Role.ROLE)) {
      if (o.resource() instanceof io.fabric8.kubernetes.api.model.rbac.Role r) {
        namespacedRoles.putIfAbsent(
            o.namespace() + "/" + o.name(),
            new Role(
                Role.ROLE,
                o.namespace(),
                o.name(),
                o,
                Aggregation.rules(r.getRules(), o.name()),
                List.of()));
      }
    }
  }

  private static List<Binding> readBindings(Snapshot snapshot) {
    List<Binding> all = new ArrayList<>();
    for (KubeObject o : snapshot.ofKind(Binding.CLUSTER_ROLE_BINDING)) {
      if (o.resource() instanceof ClusterRoleBinding b) {
        all.add(binding(o, b.getRoleRef(), b.getSubjects(), null));
      }
    }
    for (KubeObject o : snapshot.ofKind(Binding.ROLE_BINDING)) {
      if (o.resource() instanceof RoleBinding b && o.namespace() != null) {
        all.add(binding(o, b.getRoleRef(), b.getSubjects(), o.namespace()));
      }
    }
    return List.copyOf(all);
  }

  private void indexBindings() {
    for (Binding b : bindings) {
      byObject.put(b.object(), b);
      Role role = resolveRole(b);
      roles.put(b, role);
      if (role.exists()) {
        byRole.computeIfAbsent(role.object(), k -> new ArrayList<>()).add(b);
      }
      for (int i = 0; i < b.subjects().size(); i++) {
        Subject s = b.subjects().get(i);
        if (s != null) {
          byGrantee.computeIfAbsent(s, k -> new ArrayList<>()).add(new Named(b, i));
        }
      }
    }
  }

  private void indexTokenSecrets(Snapshot snapshot) {
    for (KubeObject o : snapshot.ofKind("Secret")) {
      String owner = o.annotations().get(TOKEN_SECRET_OWNER);
      if (o.namespace() != null
          && owner != null
          && o.resource() instanceof Secret secret
          && TOKEN_SECRET.equals(secret.getType())) {
        tokenSecrets
            .computeIfAbsent(Subject.serviceAccount(o.namespace(), owner), k -> new ArrayList<>())
            .add(o);
      }
    }
  }

  /** The RBAC of a snapshot; computed once per snapshot and shared by every check. */
  public static Rbac of(Snapshot snapshot) {
    return snapshot.derive(RBAC);
  }

  private static Binding binding(
      KubeObject o,
      RoleRef ref,
      List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects,
      String namespace) {
    List<Subject> converted = new ArrayList<>();
    if (subjects != null) {
      for (io.fabric8.kubernetes.api.model.rbac.Subject s : subjects) {
        converted.add(subject(s, namespace));
      }
    }
    return new Binding(
        o, ref == null ? null : ref.getKind(), ref == null ? null : ref.getName(), converted);
  }

  /**
   * As the authorizer's {@code appliesToUser}: a service account without a namespace is in the
   * RoleBinding's namespace, and in a ClusterRoleBinding matches nobody; unknown kinds match
   * nobody.
   */
  private static Subject subject(io.fabric8.kubernetes.api.model.rbac.Subject s, String namespace) {
    if (s == null || s.getName() == null || s.getKind() == null) {
      return null;
    }
    Subject.Kind kind = Subject.Kind.of(s.getKind());
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case USER -> Subject.user(s.getName());
      case GROUP -> Subject.group(s.getName());
      case SERVICE_ACCOUNT -> {
        String ns =
            s.getNamespace() != null && !s.getNamespace().isEmpty() ? s.getNamespace() : namespace;
        yield ns == null ? null : Subject.serviceAccount(ns, s.getName());
      }
    };
  }

  private Role resolveRole(Binding b) {
    if (b.roleName() == null) {
      return Role.missing(String.valueOf(b.roleKind()), b.object().namespace(), "");
    }
    if (Role.CLUSTER_ROLE.equals(b.roleKind())) {
      Role r = clusterRoles.get(b.roleName());
      return r != null ? r : Role.missing(Role.CLUSTER_ROLE, null, b.roleName());
    }
    if (Role.ROLE.equals(b.roleKind()) && !b.isClusterWide()) {
      Role r = namespacedRoles.get(b.namespace() + "/" + b.roleName());
      return r != null ? r : Role.missing(Role.ROLE, b.namespace(), b.roleName());
    }
    // A ClusterRoleBinding to a Role is rejected by the API server and grants nothing.
    return Role.missing(b.roleKind(), b.object().namespace(), b.roleName());
  }

  /** Every RoleBinding and ClusterRoleBinding, ClusterRoleBindings first. */
  public List<Binding> bindings() {
    return bindings;
  }

  /** The role a binding refers to, resolved; {@link Role#exists()} is false when it is missing. */
  public Role role(Binding binding) {
    return roles.get(binding);
  }

  /** The bindings that refer to a Role or ClusterRole object. */
  public List<Binding> bindingsOf(KubeObject role) {
    return byRole.getOrDefault(role, List.of());
  }

  public Optional<Binding> binding(KubeObject object) {
    return Optional.ofNullable(byObject.get(object));
  }

  /** Every ClusterRole, resolved, by name. */
  public Map<String, Role> clusterRoles() {
    return Collections.unmodifiableMap(clusterRoles);
  }

  /** Who is cluster-admin, directly or in one step; computed on first use. */
  public synchronized Escalations escalations() {
    if (escalations == null) {
      escalations = new Escalations(this);
    }
    return escalations;
  }

  public ServiceAccountTokens tokens() {
    return tokens;
  }

  /**
   * Every subject worth asking about: those that bindings name and every service account of the
   * snapshot (which hold what their groups are granted), sorted.
   */
  public List<Subject> subjects() {
    Set<Subject> all = new TreeSet<>(byGrantee.keySet());
    all.addAll(accounts);
    return List.copyOf(all);
  }

  /** The subjects bindings name, sorted. */
  public List<Subject> boundSubjects() {
    return List.copyOf(new TreeSet<>(byGrantee.keySet()));
  }

  /**
   * Whether a service account exists. Every namespace has {@code default}; and when the snapshot
   * holds no service accounts at all (manifests of one application), existence is unknown and
   * assumed.
   */
  public boolean serviceAccountExists(String namespace, String name) {
    return !hasServiceAccounts
        || "default".equals(name)
        || serviceAccounts.contains(namespace + "/" + name);
  }

  /**
   * The long-lived token Secrets ({@code kubernetes.io/service-account-token}) of each service
   * account that has one.
   */
  public Map<Subject, List<KubeObject>> tokenSecrets() {
    return Collections.unmodifiableMap(tokenSecrets);
  }

  /** Whether the namespace has a workload of this kind (Deployment, CronJob, ...). */
  public boolean hasWorkload(String namespace, String kind) {
    return workloadKinds.contains(namespace + "/" + kind);
  }

  public boolean hasServiceAccounts() {
    return hasServiceAccounts;
  }

  /**
   * Everything {@code subject} may do: the rules of every binding that names it or one of its
   * groups ({@link Subject#groups()}), one grant per rule, sorted.
   */
  public List<Grant> grantsOf(Subject subject) {
    List<Grant> grants = new ArrayList<>();
    addGrants(grants, subject, subject, null);
    for (Subject group : subject.groups()) {
      addGrants(grants, subject, group, null);
    }
    grants.sort(GRANT_ORDER);
    return grants;
  }

  /** The grants that allow {@code subject} to make {@code request}: empty when it may not. */
  public List<Grant> grantsOf(Subject subject, Request request) {
    List<Grant> grants = new ArrayList<>();
    addGrants(grants, subject, subject, request);
    for (Subject group : subject.groups()) {
      addGrants(grants, subject, group, request);
    }
    grants.sort(GRANT_ORDER);
    return grants;
  }

  /** The authorizer's decision: whether some binding allows {@code subject} this request. */
  public boolean allows(Subject subject, Request request) {
    if (allowsAs(subject, request)) {
      return true;
    }
    for (Subject group : subject.groups()) {
      if (allowsAs(group, request)) {
        return true;
      }
    }
    return false;
  }

  private boolean allowsAs(Subject grantee, Request request) {
    for (Named n : byGrantee.getOrDefault(grantee, List.of())) {
      if (n.binding().appliesIn(request.namespace())) {
        for (Rule r : roles.get(n.binding()).rules()) {
          if (r.allows(request)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void addGrants(List<Grant> grants, Subject holder, Subject grantee, Request request) {
    for (Named n : byGrantee.getOrDefault(grantee, List.of())) {
      Binding b = n.binding();
      if (request != null && !b.appliesIn(request.namespace())) {
        continue;
      }
      Role role = roles.get(b);
      for (Rule r : role.rules()) {
        if (request == null || r.allows(request)) {
          grants.add(new Grant(holder, grantee, b, n.index(), role, r));
        }
      }
    }
  }

  /**
   * Who may make {@code request}: a grant for every subject a binding names (groups as groups; a
   * member of a listed group holds the permission through it), sorted by subject.
   */
  public List<Grant> whoCan(Request request) {
    List<Grant> grants = new ArrayList<>();
    for (Binding b : bindings) {
      if (!b.appliesIn(request.namespace())) {
        continue;
      }
      Role role = roles.get(b);
      for (Rule r : role.rules()) {
        if (!r.allows(request)) {
          continue;
        }
        for (int i = 0; i < b.subjects().size(); i++) {
          Subject s = b.subjects().get(i);
          if (s != null) {
            grants.add(new Grant(s, s, b, i, role, r));
          }
        }
      }
    }
    grants.sort(GRANT_ORDER);
    return grants;
  }
}
