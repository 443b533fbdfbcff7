package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.network.InternetPaths;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.network.Route;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

@CheckInfo(
    id = "exposed-admin-dashboard",
    title = "Admin dashboard is exposed to the internet",
    severity = Severity.HIGH,
    category = Category.NETWORK,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1133", "mitre:t1190"},
    why =
        """
        Admin consoles (the Kubernetes Dashboard, Grafana, Kibana, Prometheus, Argo CD, database \
        and Redis admin UIs) hold credentials, run queries and often change the cluster. Facing \
        the internet they are brute-forced, exploited through their own CVEs, or simply open: \
        anonymous Grafana admins and unauthenticated dashboards are a classic first foothold.""",
    remediation =
        """
        Take the dashboard off the internet: remove its public Ingress, LoadBalancer or NodePort, \
        and reach it through kubectl port-forward, a VPN or an identity-aware proxy. If it must \
        stay public, put single sign-on in front of it and an allow-list of client ranges on the \
        route.""",
    notes =
        """
        Dashboards are recognized by image (kubernetesui/dashboard, grafana/grafana, kibana, \
        prometheus/prometheus, alertmanager, argoproj/argocd for the API server, jaeger, kiali, \
        weave scope, redis-commander, phpMyAdmin, pgAdmin, Adminer, mongo-express, Portainer, \
        Rancher, Jenkins, Longhorn UI) or by the workload's name or app label. Exposure counts \
        the routes open to the internet that NetworkPolicy admits (Ingress, Gateway API routes, \
        LoadBalancer, NodePort, external IPs, hostPort and the host network). Other workloads are \
        not applicable.""")
public final class ExposedAdminDashboard implements Check {

  @Override
  public Set<String> requires() {
    return NetworkKinds.ALL;
  }

  private record Product(String name, List<String> images, List<String> names) {}

  private static final List<Product> PRODUCTS =
      List.of(
          new Product(
              "Kubernetes Dashboard",
              List.of(
                  "kubernetesui/dashboard", "kubernetes-dashboard", "kubernetesui/dashboard-web"),
              List.of("kubernetes-dashboard")),
          new Product(
              "Grafana",
              List.of("grafana/grafana", "grafana", "grafana-oss", "grafana-enterprise"),
              List.of("grafana")),
          new Product("Kibana", List.of("kibana"), List.of("kibana")),
          new Product(
              "Prometheus",
              List.of("prometheus/prometheus", "prometheus"),
              List.of("prometheus", "prometheus-server")),
          new Product(
              "Alertmanager",
              List.of("prometheus/alertmanager", "alertmanager"),
              List.of("alertmanager")),
          new Product("Argo CD", List.of(), List.of("argocd-server")),
          new Product(
              "Jaeger",
              List.of(
                  "jaegertracing/all-in-one", "jaegertracing/jaeger-query", "jaegertracing/jaeger"),
              List.of("jaeger-query")),
          new Product("Kiali", List.of("kiali/kiali"), List.of("kiali")),
          new Product("Weave Scope", List.of("weaveworks/scope"), List.of("weave-scope-app")),
          new Product("Redis Commander", List.of("redis-commander"), List.of("redis-commander")),
          new Product("phpMyAdmin", List.of("phpmyadmin"), List.of("phpmyadmin")),
          new Product("pgAdmin", List.of("pgadmin4"), List.of("pgadmin")),
          new Product("Adminer", List.of("adminer"), List.of("adminer")),
          new Product("mongo-express", List.of("mongo-express"), List.of("mongo-express")),
          new Product(
              "Portainer",
              List.of("portainer", "portainer-ce", "portainer-ee"),
              List.of("portainer")),
          new Product("Rancher", List.of("rancher/rancher"), List.of("rancher")),
          new Product("Jenkins", List.of("jenkins/jenkins"), List.of("jenkins")),
          new Product("Longhorn UI", List.of("longhorn-ui"), List.of("longhorn-ui")));

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Network network = Network.of(snapshot);
    InternetPaths internet = network.internetPaths();
    for (PodEndpoint e : network.endpoints()) {
      Optional<Product> product =
          Workloads.of(e.object()).flatMap(ExposedAdminDashboard::recognize);
      if (product.isEmpty()) {
        results.notApplicable(e.object(), "not an admin dashboard");
        continue;
      }
      Optional<InternetPaths.Entry> entry = internet.entry(e);
      if (entry.isEmpty()) {
        results.pass(e.object());
        continue;
      }
      Route route = entry.get().routes().get(0);
      results.fail(
          new Violation(
              e.object(),
              null,
              null,
              route.describe(),
              product.get().name()
                  + " is reachable from the internet via "
                  + route.describe()
                  + (route.exposed() == null ? "" : " (" + route.exposed() + ")"),
              null));
    }
  }

  static Optional<Product> recognize(Workload w) {
    Map<String, String> labels = w.podLabels();
    List<String> names =
        Stream.of(
                w.name(),
                labels.get("app.kubernetes.io/name"),
                labels.get("app"),
                labels.get("k8s-app"))
            .filter(Objects::nonNull)
            .map(n -> n.toLowerCase(Locale.ROOT))
            .toList();
    List<String> repositories =
        w.spec().getContainers() == null
            ? List.of()
            : w.spec().getContainers().stream()
                .map(Container::getImage)
                .filter(Objects::nonNull)
                .map(ExposedAdminDashboard::repository)
                .toList();
    for (Product p : PRODUCTS) {
      for (String token : p.images()) {
        for (String repo : repositories) {
          if (repo.equals(token) || endsWithPath(repo, token)) {
            return Optional.of(p);
          }
        }
      }
      for (String n : p.names()) {
        if (names.contains(n)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code repo} ends with {@code /token}, without building that string per workload. */
  private static boolean endsWithPath(String repo, String token) {
    int slash = repo.length() - token.length() - 1;
    return slash >= 0 && repo.charAt(slash) == '/' && repo.endsWith(token);
  }

  /** The image's repository path, lower case, without tag or digest. */
  private static String repository(String image) {
    String s = image.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      s = s.substring(0, colon);
    }
    return s;
  }
}
