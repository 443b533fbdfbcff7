package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ExposedAdminDashboardTest {

  private static String deployment(String ns, String name, String image, boolean expect) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
          namespace: NS
          annotations: {EXPECT}
        spec:
          selector: {matchLabels: {app: NAME}}
          template:
            metadata: {labels: {app: NAME}}
            spec:
              containers: [{name: ui, image: IMAGE, ports: [{name: http, containerPort: 3000}]}]
        """
        .replace("NAME", name)
        .replace("NS", ns)
        .replace("IMAGE", image)
        .replace("EXPECT", expect ? "rampart.test/expect: exposed-admin-dashboard" : "");
  }

  private static String service(String ns, String name, String type) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: NAME, namespace: NS}
        spec:
          type: TYPE
          selector: {app: NAME}
          ports: [{port: 80, targetPort: http}]
        """
        .replace("NAME", name)
        .replace("NS", ns)
        .replace("TYPE", type);
  }

  @Test
  void flagsDashboardsTheInternetReaches() {
    CheckTester t =
        CheckTester.run(
            new ExposedAdminDashboard(),
            String.join(
                "---\n",
                deployment("monitoring", "grafana", "docker.io/grafana/grafana:10.4.2", true),
                service("monitoring", "grafana", "ClusterIP"),
                """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: grafana, namespace: monitoring}
                spec:
                  rules:
                  - host: grafana.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: grafana, port: {number: 80}}}}
                """,
                deployment(
                    "kubernetes-dashboard", "dashboard", "kubernetesui/dashboard:v2.7.0", true),
                service("kubernetes-dashboard", "dashboard", "LoadBalancer"),
                deployment("argocd", "argocd-server", "quay.io/argoproj/argocd:v2.10.0", true),
                service("argocd", "argocd-server", "NodePort"),
                // Internal only.
                deployment("logging", "kibana", "docker.elastic.co/kibana/kibana:8.13.0", false),
                service("logging", "kibana", "ClusterIP"),
                // Public LoadBalancer, but NetworkPolicy admits no internet address.
                deployment("ops", "pgadmin", "dpage/pgadmin4:8", false),
                service("ops", "pgadmin", "LoadBalancer"),
                NamespaceWithoutDefaultDenyIngressTest.policy(
                    "ops",
                    "vpn-only",
                    "podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 10.8.0.0/16}}]}]"),
                // Not a dashboard.
                deployment("shop", "web", "nginx:1.25", false),
                service("shop", "web", "LoadBalancer")));
    t.assertExpectations();
    assertThat(t.tally().passed()).isEqualTo(2);
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("grafana"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "Grafana is reachable from the internet via Ingress/monitoring/grafana via"
                            + " Service grafana (grafana.example.com)"));
  }
}
