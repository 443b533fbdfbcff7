package dev.rampart.rbac;

import static dev.rampart.rbac.Fixtures.get;
import static dev.rampart.rbac.Fixtures.rbac;
import static dev.rampart.rbac.Fixtures.request;
import static dev.rampart.rbac.Fixtures.sa;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorizer's semantics over bindings, on hand-written fixtures, one semantic per test. */
class RbacTest {

  private static List<Subject> whoCan(Rbac rbac, Request q) {
    return rbac.whoCan(q).stream().map(Grant::holder).distinct().toList();
  }

  @Test
  void aggregatedClusterRolesGetTheRulesOfTheRolesTheySelect() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            aggregationRule:
              clusterRoleSelectors:
              - matchLabels: {aggregate-to-monitoring: "true"}
              - matchExpressions:
                - {key: tier, operator: In, values: [metrics, logs]}
                - {key: deprecated, operator: DoesNotExist}
            rules: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: by-label, labels: {aggregate-to-monitoring: "true"}}
            rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: by-expression, labels: {tier: logs}}
            rules: [{apiGroups: [""], resources: [pods/log], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: deprecated, labels: {tier: logs, deprecated: "yes"}}
            rules: [{apiGroups: [""], resources: [nodes], verbs: [delete]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: other-tier, labels: {tier: web, aggregate-to-monitoring: "false"}}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [delete]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: prometheus}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
            subjects: [{kind: ServiceAccount, name: prometheus, namespace: mon}]
            """);
    Subject prometheus = sa("mon", "prometheus");
    assertThat(rbac.allows(prometheus, get("secrets", "shop"))).isTrue();
    assertThat(rbac.allows(prometheus, get("pods/log", "shop"))).isTrue();
    assertThat(rbac.allows(prometheus, request("delete", "nodes", null))).isFalse();
    assertThat(rbac.allows(prometheus, request("delete", "configmaps", "shop"))).isFalse();
    assertThat(rbac.clusterRoles().get("monitoring").aggregatedFrom())
        .containsExactly("by-expression", "by-label");
    Grant g = rbac.grantsOf(prometheus, get("secrets", "shop")).get(0);
    assertThat(g.rule().origin()).isEqualTo("by-label");
    assertThat(g.via()).contains("aggregated from ClusterRole/by-label");
  }

  @Test
  void aggregationIsTransitiveAndNotInMatchesMissingKeys() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: admin-like}
            aggregationRule:
              clusterRoleSelectors: [{matchLabels: {to-admin: "true"}}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: edit-like, labels: {to-admin: "true"}}
            aggregationRule:
              clusterRoleSelectors:
              - matchExpressions: [{key: env, operator: NotIn, values: [prod]}, {key: to-edit, operator: Exists}]
            rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: view-like, labels: {to-edit: "x"}}
            rules: [{apiGroups: [""], resources: [services], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: prod-only, labels: {to-edit: "x", env: prod}}
            rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: admins, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin-like}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """);
    Subject alice = Subject.user("alice");
    assertThat(rbac.allows(alice, get("services", "shop"))).as("view-like via edit-like").isTrue();
    assertThat(rbac.allows(alice, request("create", "pods", "shop"))).isTrue();
    assertThat(rbac.allows(alice, get("secrets", "shop"))).as("env=prod excluded").isFalse();
  }

  @Test
  void aRoleBindingToAClusterRoleGrantsInItsNamespaceOnly() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules:
            - {apiGroups: [""], resources: [secrets, nodes], verbs: [get, list]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: read-shop, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: User, name: bob}]
            """);
    Subject bob = Subject.user("bob");
    assertThat(rbac.allows(bob, get("secrets", "shop"))).isTrue();
    assertThat(rbac.allows(bob, get("secrets", "payments"))).isFalse();
    assertThat(rbac.allows(bob, get("secrets", null))).as("all namespaces at once").isFalse();
    assertThat(rbac.allows(bob, get("nodes", "shop"))).as("cluster-scoped: never").isFalse();
    assertThat(rbac.allows(bob, get("secrets", Request.ANY_NAMESPACE))).isTrue();
    assertThat(rbac.grantsOf(bob).get(0).scope()).isEqualTo("namespace shop");
  }

  @Test
  void serviceAccountsHoldWhatTheirGroupsAreGranted() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: r, namespace: shop}
            rules:
            - {apiGroups: [""], resources: [configmaps], verbs: [get]}
            - {apiGroups: [""], resources: [secrets], verbs: [get]}
            - {apiGroups: [""], resources: [pods], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: web-sas, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
            subjects: [{kind: Group, name: "system:serviceaccounts:web"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: list-ns}
            rules: [{apiGroups: [""], resources: [namespaces], verbs: [list]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: all-sas}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: list-ns}
            subjects: [{kind: Group, name: "system:serviceaccounts"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: list-nodes}
            rules: [{apiGroups: [""], resources: [nodes], verbs: [list]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: everyone}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: list-nodes}
            subjects: [{kind: Group, name: "system:authenticated"}]
            """);
    Subject webSa = sa("web", "frontend");
    Subject otherSa = sa("ci", "builder");
    assertThat(rbac.allows(webSa, get("secrets", "shop"))).isTrue();
    assertThat(rbac.allows(otherSa, get("secrets", "shop"))).isFalse();
    assertThat(rbac.allows(otherSa, request("list", "namespaces", null))).isTrue();
    assertThat(rbac.allows(otherSa, request("list", "nodes", null))).isTrue();
    assertThat(rbac.allows(Subject.user("alice"), request("list", "namespaces", null))).isFalse();
    assertThat(rbac.allows(Subject.user("alice"), request("list", "nodes", null))).isTrue();
    assertThat(rbac.allows(Subject.user("system:anonymous"), request("list", "nodes", null)))
        .as("anonymous is not authenticated")
        .isFalse();
    Grant g = rbac.grantsOf(webSa, get("secrets", "shop")).get(0);
    assertThat(g.viaGroup()).isTrue();
    assertThat(g.grantee()).isEqualTo(Subject.group("system:serviceaccounts:web"));
    assertThat(whoCan(rbac, get("secrets", "shop")))
        .as("who-can lists the group, not its members")
        .containsExactly(Subject.group("system:serviceaccounts:web"));
  }

  @Test
  void serviceAccountSubjectsFollowTheAuthorizersDefaults() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: local, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects:
            - {kind: ServiceAccount, name: implicit}
            - {kind: User, name: "system:serviceaccount:shop:as-user"}
            - {kind: Robot, name: r2d2}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: nowhere}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: ServiceAccount, name: no-namespace}]
            """);
    assertThat(rbac.allows(sa("shop", "implicit"), get("pods", "shop")))
        .as("namespace defaults to the RoleBinding's")
        .isTrue();
    assertThat(rbac.allows(sa("shop", "as-user"), get("pods", "shop")))
        .as("a User subject with a service account's user name")
        .isTrue();
    assertThat(rbac.allows(sa("default", "no-namespace"), get("pods", "shop")))
        .as("a ClusterRoleBinding's service account needs a namespace")
        .isFalse();
    assertThat(whoCan(rbac, get("pods", "shop")))
        .containsExactly(sa("shop", "as-user"), sa("shop", "implicit"));
  }

  @Test
  void resourceNamesSubresourcesAndWildcardGroups() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: r, namespace: shop}
            rules:
            - {apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get]}
            - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
            - {apiGroups: ["*"], resources: [deployments], verbs: [patch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
            subjects: [{kind: User, name: carol}]
            """);
    Subject carol = Subject.user("carol");
    assertThat(rbac.allows(carol, get("secrets", "shop").named("db"))).isTrue();
    assertThat(rbac.allows(carol, get("secrets", "shop").named("tls"))).isFalse();
    assertThat(rbac.allows(carol, get("secrets", "shop"))).isFalse();
    assertThat(rbac.allows(carol, request("create", "pods/exec", "shop"))).isTrue();
    assertThat(rbac.allows(carol, request("create", "pods", "shop"))).isFalse();
    assertThat(rbac.allows(carol, request("patch", "deployments.apps", "shop"))).isTrue();
    assertThat(rbac.allows(carol, request("patch", "deployments.extensions", "shop"))).isTrue();
  }

  @Test
  void bindingsToMissingRolesGrantNothing() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: dangling, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: gone}
            subjects: [{kind: Group, name: ops}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            """);
    Binding b = rbac.bindings().get(0);
    assertThat(rbac.role(b).exists()).isFalse();
    assertThat(rbac.grantsOf(Subject.group("ops"))).isEmpty();
    assertThat(rbac.subjects()).containsExactly(sa("shop", "web"), Subject.group("ops"));
    assertThat(rbac.serviceAccountExists("shop", "web")).isTrue();
    assertThat(rbac.serviceAccountExists("shop", "default")).isTrue();
    assertThat(rbac.serviceAccountExists("shop", "api")).isFalse();
  }

  @Test
  void nonResourceUrlsAreGrantedCluserWideOnly() {
    Rbac rbac =
        rbac(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: metrics}
            rules: [{nonResourceURLs: ["/metrics", "/debug/*"], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: scraper}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics}
            subjects: [{kind: User, name: scraper}]
            """);
    Subject scraper = Subject.user("scraper");
    assertThat(rbac.allows(scraper, Request.nonResource("get", "/metrics"))).isTrue();
    assertThat(rbac.allows(scraper, Request.nonResource("get", "/debug/pprof/heap"))).isTrue();
    assertThat(rbac.allows(scraper, Request.nonResource("get", "/healthz"))).isFalse();
  }
}
