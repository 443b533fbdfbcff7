package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code who-can} and {@code access} are two views of one authorizer: on random RBAC (aggregated
 * roles, RoleBindings to ClusterRoles, groups, wildcards, resourceNames, subresources, service
 * accounts without a namespace), for random requests, a subject's access allows a request exactly
 * when who-can lists the subject or one of its groups, and both agree with the authorizer's
 * decision.
 */
class WhoCanAccessPropertyTest {

  private static final List<String> NAMESPACES = List.of("a", "b");
  private static final List<String> VERBS = List.of("get", "list", "create", "impersonate", "*");
  private static final List<String> GROUPS = List.of("", "apps", "*");
  private static final List<String> RESOURCES =
      List.of("pods", "secrets", "pods/exec", "deployments", "nodes", "*", "*/scale", "pods/*");
  private static final List<String> NAMES = List.of("x", "y");
  private static final List<String> URLS = List.of("/metrics", "/api/*", "*");
  private static final List<String> LABELS = List.of("red", "blue");

  @Property(tries = 300)
  void whoCanAndAccessAlwaysAgree(@ForAll long seed) {
    Random random = new Random(seed);
    Snapshot snapshot = cluster(random);
    Rbac rbac = Rbac.of(snapshot);
    Set<Subject> universe = new LinkedHashSet<>(rbac.subjects());
    universe.add(Subject.user("alice"));
    universe.add(Subject.user("system:anonymous"));
    universe.add(Subject.serviceAccount("b", "unbound"));
    for (int i = 0; i < 25; i++) {
      Request q = request(random);
      List<Grant> whoCan = rbac.whoCan(q);
      Set<Subject> listed = new LinkedHashSet<>();
      whoCan.forEach(g -> listed.add(g.holder()));
      for (Subject s : universe) {
        boolean viaWhoCan = listed.contains(s) || s.groups().stream().anyMatch(listed::contains);
        boolean viaAccess =
            rbac.grantsOf(s).stream()
                .anyMatch(g -> g.binding().appliesIn(q.namespace()) && g.rule().allows(q));
        assertThat(viaAccess).as("%s may %s (seed %d)", s, q.describe(), seed).isEqualTo(viaWhoCan);
        assertThat(rbac.allows(s, q))
            .as("authorizer for %s, %s", s, q.describe())
            .isEqualTo(viaAccess);
        assertThat(rbac.grantsOf(s, q).isEmpty()).isEqualTo(!viaAccess);
      }
    }
  }

  /**
   * The engine decides as a plain port of the authorizer's rule resolver does ({@code
   * VisitRulesFor}, {@code appliesToUser}, {@code RuleAllows}), written here independently of it,
   * with the aggregation controller as a fixpoint over the snapshot's ClusterRoles.
   */
  @Property(tries = 300)
  void decidesAsAPortOfTheAuthorizer(@ForAll long seed) {
    Random random = new Random(seed);
    Snapshot snapshot = cluster(random);
    Rbac rbac = Rbac.of(snapshot);
    List<Subject> users =
        List.of(
            Subject.user("alice"),
            Subject.user("bob"),
            Subject.user("system:anonymous"),
            Subject.serviceAccount("a", "s1"),
            Subject.serviceAccount("b", "s2"),
            Subject.serviceAccount("a", "default"));
    for (int i = 0; i < 25; i++) {
      Request q = request(random);
      if (q.isResourceRequest() && q.apiGroup() == null) {
        continue; // not a request an API server sees: it always knows the group
      }
      for (Subject u : users) {
        assertThat(rbac.allows(u, q))
            .as("%s may %s (seed %d)", u, q.describe(), seed)
            .isEqualTo(Authorizer.allows(snapshot, u, q));
      }
    }
  }

  private static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static List<String> some(Random r, List<String> list, int max) {
    Set<String> picked = new LinkedHashSet<>();
    int n = 1 + r.nextInt(max);
    for (int i = 0; i < n; i++) {
      picked.add(pick(r, list));
    }
    return List.copyOf(picked);
  }

  private static List<PolicyRule> rules(Random r) {
    List<PolicyRule> rules = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      PolicyRuleBuilder b = new PolicyRuleBuilder().withVerbs(some(r, VERBS, 2));
      if (r.nextInt(6) == 0) {
        b.withNonResourceURLs(some(r, URLS, 2));
      } else {
        b.withApiGroups(some(r, GROUPS, 2)).withResources(some(r, RESOURCES, 3));
        if (r.nextInt(4) == 0) {
          b.withResourceNames(some(r, NAMES, 1));
        }
      }
      rules.add(b.build());
    }
    return rules;
  }

  private static io.fabric8.kubernetes.api.model.rbac.Subject subject(Random r) {
    SubjectBuilder b = new SubjectBuilder();
    switch (r.nextInt(4)) {
      case 0 -> {
        b.withKind("ServiceAccount").withName(pick(r, List.of("s1", "s2", "default")));
        if (r.nextInt(4) != 0) {
          b.withNamespace(pick(r, NAMESPACES));
        }
      }
      case 1 ->
          b.withKind("User")
              .withName(
                  pick(
                      r,
                      List.of("alice", "bob", "system:anonymous", "system:serviceaccount:a:s1")));
      default ->
          b.withKind("Group")
              .withName(
                  pick(
                      r,
                      List.of(
                          "system:authenticated",
                          "system:unauthenticated",
                          "system:serviceaccounts",
                          "system:serviceaccounts:a",
                          "devs")));
    }
    return b.build();
  }

  private static Snapshot cluster(Random r) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String ns : NAMESPACES) {
      objects.add(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withName("s1")
              .withNamespace(ns)
              .endMetadata()
              .build());
    }
    int clusterRoles = 1 + r.nextInt(4);
    for (int i = 0; i < clusterRoles; i++) {
      ClusterRoleBuilder b =
          new ClusterRoleBuilder()
              .withNewMetadata()
              .withName("cr" + i)
              .withLabels(Map.of("color", pick(r, LABELS)))
              .endMetadata()
              .withRules(rules(r));
      if (r.nextInt(3) == 0) {
        b.withNewAggregationRule()
            .withClusterRoleSelectors(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of("color", pick(r, LABELS)))
                    .build())
            .endAggregationRule();
      }
      objects.add(b.build());
    }
    for (String ns : NAMESPACES) {
      objects.add(
          new RoleBuilder()
              .withNewMetadata()
              .withName("role")
              .withNamespace(ns)
              .endMetadata()
              .withRules(rules(r))
              .build());
    }
    int bindings = 1 + r.nextInt(5);
    for (int i = 0; i < bindings; i++) {
      List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects = new ArrayList<>();
      int n = 1 + r.nextInt(2);
      for (int k = 0; k < n; k++) {
        subjects.add(subject(r));
      }
      String role = "cr" + r.nextInt(clusterRoles + 1); // sometimes a missing one
      if (r.nextBoolean()) {
        objects.add(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("crb" + i)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                .withSubjects(subjects)
                .build());
      } else {
        boolean toRole = r.nextBoolean();
        objects.add(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("rb" + i)
                .withNamespace(pick(r, NAMESPACES))
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io",
                    toRole ? "Role" : "ClusterRole",
                    toRole ? "role" : role)
                .withSubjects(subjects)
                .build());
      }
    }
    List<KubeObject> kube = objects.stream().map(o -> new KubeObject(o, Origin.UNKNOWN)).toList();
    return new Snapshot("random", kube, List.of());
  }

  private static Request request(Random r) {
    if (r.nextInt(8) == 0) {
      return Request.nonResource(
          pick(r, List.of("get", "post")), pick(r, List.of("/metrics", "/api/v1", "/healthz")));
    }
    String resource = pick(r, List.of("pods", "secrets", "deployments", "nodes", "widgets"));
    String sub = pick(r, List.of("", "", "exec", "scale", "*"));
    String ns = pick(r, java.util.Arrays.asList(null, "a", "b", Request.ANY_NAMESPACE));
    String group = pick(r, java.util.Arrays.asList("", "apps", "example.com", null));
    return new Request(
        pick(r, List.of("get", "list", "create", "impersonate", "delete")),
        group,
        resource,
        sub,
        ns,
        pick(r, List.of("", "", "x", "z")),
        null);
  }

  /** The reference: Kubernetes' RBAC authorizer, transcribed without the engine's indexes. */
  private static final class Authorizer {

    static boolean allows(Snapshot s, Subject user, Request q) {
      String name =
          user.isServiceAccount()
              ? "system:serviceaccount:" + user.namespace() + ":" + user.name()
              : user.name();
      List<String> groups = user.groups().stream().map(Subject::name).toList();
      for (KubeObject o : s.ofKind("ClusterRoleBinding")) {
        var b = (io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding) o.resource();
        if (appliesTo(b.getSubjects(), name, groups, "")
            && anyAllows(roleRules(s, b.getRoleRef(), ""), q)) {
          return true;
        }
      }
      if (q.namespace() == null) {
        return false;
      }
      for (KubeObject o : s.ofKind("RoleBinding")) {
        var b = (io.fabric8.kubernetes.api.model.rbac.RoleBinding) o.resource();
        String ns = o.namespace();
        boolean inScope = q.namespace().equals(ns) || q.namespace().equals(Request.ANY_NAMESPACE);
        if (inScope
            && appliesTo(b.getSubjects(), name, groups, ns)
            && anyAllows(roleRules(s, b.getRoleRef(), ns), q)) {
          return true;
        }
      }
      return false;
    }

    static boolean appliesTo(
        List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects,
        String user,
        List<String> groups,
        String namespace) {
      for (var subject : subjects) {
        switch (subject.getKind()) {
          case "User" -> {
            if (user.equals(subject.getName())) {
              return true;
            }
          }
          case "Group" -> {
            if (groups.contains(subject.getName())) {
              return true;
            }
          }
          case "ServiceAccount" -> {
            String ns =
                subject.getNamespace() == null || subject.getNamespace().isEmpty()
                    ? namespace
                    : subject.getNamespace();
            if (!ns.isEmpty()
                && user.equals("system:serviceaccount:" + ns + ":" + subject.getName())) {
              return true;
            }
          }
          default -> {}
        }
      }
      return false;
    }

    static List<PolicyRule> roleRules(
        Snapshot s, io.fabric8.kubernetes.api.model.rbac.RoleRef ref, String namespace) {
      if (ref.getKind().equals("Role")) {
        return s.find("Role", namespace, ref.getName())
            .map(o -> ((io.fabric8.kubernetes.api.model.rbac.Role) o.resource()).getRules())
            .orElse(List.of());
      }
      return clusterRoleRules(s, ref.getName(), new LinkedHashSet<>());
    }

    /** The aggregation controller's result: own rules plus the selected roles', transitively. */
    static List<PolicyRule> clusterRoleRules(Snapshot s, String name, Set<String> seen) {
      if (!seen.add(name)) {
        return List.of();
      }
      var found = s.find("ClusterRole", null, name);
      if (found.isEmpty()) {
        return List.of();
      }
      var role = (io.fabric8.kubernetes.api.model.rbac.ClusterRole) found.get().resource();
      List<PolicyRule> rules = new ArrayList<>(role.getRules());
      if (role.getAggregationRule() != null) {
        for (var selector : role.getAggregationRule().getClusterRoleSelectors()) {
          for (KubeObject other : s.ofKind("ClusterRole")) {
            if (!other.name().equals(name)
                && other.labels().entrySet().containsAll(selector.getMatchLabels().entrySet())) {
              rules.addAll(clusterRoleRules(s, other.name(), seen));
            }
          }
        }
      }
      return rules;
    }

    static boolean anyAllows(List<PolicyRule> rules, Request q) {
      for (PolicyRule r : rules) {
        if (ruleAllows(r, q)) {
          return true;
        }
      }
      return false;
    }

    static boolean ruleAllows(PolicyRule r, Request q) {
      if (!has(r.getVerbs(), q.verb())) {
        return false;
      }
      if (!q.isResourceRequest()) {
        for (String url : r.getNonResourceURLs()) {
          if (url.equals("*") || url.equals(q.path())) {
            return true;
          }
          if (url.endsWith("*") && q.path().startsWith(url.replaceAll("\\*+$", ""))) {
            return true;
          }
        }
        return false;
      }
      if (!has(r.getApiGroups(), q.apiGroup())) {
        return false;
      }
      String combined =
          q.subresource().isEmpty() ? q.resource() : q.resource() + "/" + q.subresource();
      boolean resource = false;
      for (String res : r.getResources()) {
        if (res.equals("*")
            || res.equals(combined)
            || (!q.subresource().isEmpty() && res.equals("*/" + q.subresource()))) {
          resource = true;
        }
      }
      return resource
          && (r.getResourceNames().isEmpty() || r.getResourceNames().contains(q.name()));
    }

    static boolean has(List<String> values, String value) {
      return values.contains("*") || values.contains(value);
    }
  }
}
