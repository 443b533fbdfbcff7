package dev.rampart.rbac;

import static dev.rampart.rbac.Fixtures.rbac;
import static dev.rampart.rbac.Fixtures.sa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAccountTokensTest {

  private static final Rbac RBAC =
      rbac(
          """
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: quiet, namespace: shop}
          automountServiceAccountToken: false
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: default-sa, namespace: shop}
          spec: {containers: [{name: c, image: i}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: sa-says-no, namespace: shop}
          spec: {serviceAccountName: quiet, containers: [{name: c, image: i}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: pod-overrides-sa, namespace: shop}
          spec: {serviceAccountName: quiet, automountServiceAccountToken: true, containers: [{name: c, image: i}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: pod-says-no, namespace: shop}
          spec: {serviceAccountName: web, automountServiceAccountToken: false, containers: [{name: c, image: i}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: projected, namespace: shop}
          spec:
            serviceAccount: web
            automountServiceAccountToken: false
            containers: [{name: c, image: i}]
            volumes:
            - name: token
              projected: {sources: [{serviceAccountToken: {path: token, audience: vault}}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: finished, namespace: shop}
          spec: {serviceAccountName: web, containers: [{name: c, image: i}]}
          status: {phase: Succeeded}
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: kube-apiserver-cp-1
            namespace: kube-system
            annotations: {kubernetes.io/config.mirror: abc}
          spec: {containers: [{name: c, image: i}]}
          ---
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrated, namespace: shop}
          spec:
            template:
              spec: {serviceAccountName: web, restartPolicy: Never, containers: [{name: c, image: i}]}
          status: {completionTime: "2024-01-01T00:00:00Z", succeeded: 1}
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: scaled-down, namespace: shop}
          spec:
            replicas: 0
            selector: {matchLabels: {a: b}}
            template:
              metadata: {labels: {a: b}}
              spec: {serviceAccountName: web, containers: [{name: c, image: i}]}
          """);

  private static List<String> names(List<Workload> workloads) {
    return workloads.stream().map(Workload::name).toList();
  }

  @Test
  void podSettingWinsOverServiceAccountSettingAndProjectedTokensCount() {
    assertThat(names(RBAC.tokens().mountedBy(sa("shop", "default")))).containsExactly("default-sa");
    assertThat(names(RBAC.tokens().mountedBy(sa("shop", "quiet"))))
        .containsExactly("pod-overrides-sa");
    assertThat(names(RBAC.tokens().mountedBy(sa("shop", "web")))).containsExactly("projected");
  }

  @Test
  void groupsCollectTheirMembersTokens() {
    assertThat(names(RBAC.tokens().mountedBy(Subject.group("system:serviceaccounts:shop"))))
        .containsExactly("default-sa", "pod-overrides-sa", "projected");
    assertThat(RBAC.tokens().mountedBy(Subject.group("system:authenticated"))).hasSize(3);
    assertThat(RBAC.tokens().mountedBy(Subject.group("developers"))).isEmpty();
    assertThat(RBAC.tokens().mountedBy(Subject.user("alice"))).isEmpty();
  }

  @Test
  void describesAFewAndCountsTheRest() {
    List<Workload> all = RBAC.tokens().mountedBy(Subject.group("system:serviceaccounts"));
    assertThat(ServiceAccountTokens.describe(all, 2))
        .isEqualTo("Pod/shop/default-sa, Pod/shop/pod-overrides-sa and 1 more");
  }
}
