package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class SensitivePortExposedTest {

  private static String workload(String ns, String name, String image, int port, String expect) {
    return """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: NAME
          namespace: NS
          annotations: {EXPECT}
        spec:
          selector: {matchLabels: {app: NAME}}
          template:
            metadata: {labels: {app: NAME}}
            spec:
              containers:
              - name: main
                image: IMAGE
                ports: [{name: metrics, containerPort: 9121}, {name: service, containerPort: PORT}]
        """
        .replace("NAME", name)
        .replace("NS", ns)
        .replace("IMAGE", image)
        .replace("PORT", Integer.toString(port))
        .replace("EXPECT", expect == null ? "" : "rampart.test/expect: sensitive-port-exposed");
  }

  private static String policy(String ns, String name, String spec) {
    return NamespaceWithoutDefaultDenyIngressTest.policy(ns, name, spec);
  }

  @Test
  void flagsDatabasesEveryNamespaceOrTheInternetReaches() {
    CheckTester t =
        CheckTester.run(
            new SensitivePortExposed(),
            String.join(
                "---\n",
                workload("data", "open-redis", "redis:7", 6379, "yes"),
                workload("guarded", "redis", "redis:7", 6379, null),
                policy(
                    "guarded",
                    "redis",
                    "podSelector: {matchLabels: {app: redis}}\n"
                        + "ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]"),
                workload("same-ns", "mongo", "mongo:7", 27017, null),
                policy(
                    "same-ns", "same", "podSelector: {}\ningress: [{from: [{podSelector: {}}]}]"),
                workload("all-ns", "pg", "postgres:16", 5432, "yes"),
                policy(
                    "all-ns",
                    "every",
                    "podSelector: {}\ningress: [{from: [{namespaceSelector: {}}]}]"),
                workload("public", "pg", "postgres:16", 5432, "yes"),
                policy(
                    "public",
                    "lb-only",
                    "podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]"),
                """
                apiVersion: v1
                kind: Service
                metadata: {name: pg, namespace: public}
                spec:
                  type: LoadBalancer
                  selector: {app: pg}
                  ports: [{port: 5432, targetPort: service}]
                """,
                // metrics-server serves on 10250, the kubelet's port: not a kubelet.
                workload(
                    "kube-system",
                    "metrics-server",
                    "registry.k8s.io/metrics-server/metrics-server:v0.7.1",
                    10250,
                    null),
                workload("kube-system", "etcd", "registry.k8s.io/etcd:3.5.12-0", 2379, "yes"),
                workload("web", "frontend", "nginx:1.25", 8080, null)));
    t.assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(2);
    Finding publicPg =
        t.findings().stream()
            .filter(f -> f.resource().namespace().equals("public"))
            .findFirst()
            .orElseThrow();
    assertThat(publicPg.message())
        .isEqualTo(
            "TCP 5432 (PostgreSQL) is open to the internet via Service/public/pg (LoadBalancer)");
    assertThat(publicPg.evidence().path()).isEqualTo("spec.template.spec.containers[0].ports[1]");
    assertThat(publicPg.resource().container()).isEqualTo("main");
    Finding redis =
        t.findings().stream()
            .filter(f -> f.resource().name().equals("open-redis"))
            .findFirst()
            .orElseThrow();
    assertThat(redis.message())
        .isEqualTo(
            "TCP 6379 (Redis) accepts connections from pods of every namespace: no NetworkPolicy"
                + " restricts who connects");
  }

  @Test
  void theCniPoliciesOfANamespaceLeaveTheEveryNamespaceCaseUnevaluated() {
    CheckTester t =
        CheckTester.run(
            new SensitivePortExposed(),
            workload("data", "redis", "redis:7", 6379, null)
                + "---\n"
                + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: redis, namespace: data}
                spec: {endpointSelector: {matchLabels: {app: redis}}}
                """);
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().notEvaluated()).hasSize(1);
  }
}
