package dev.rampart.source.synthetic;

import static dev.rampart.source.synthetic.Doc.list;
import static dev.rampart.source.synthetic.Infrastructure.rule;
import static dev.rampart.source.synthetic.Infrastructure.saSubject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** One team's namespace: its workloads up to a pod budget, and what surrounds them. */
final class TeamNamespace {

  private final Emitter out;
  private final Infrastructure infra;
  private final PodTemplates t;
  private final String ns;
  private final String team;
  private final String tier;
  private final List<String> secrets = new ArrayList<>();
  private final List<Object> appAccounts = new ArrayList<>();

  TeamNamespace(
      Emitter out, Infrastructure infra, PodTemplates t, String ns, String team, String tier) {
    this.out = out;
    this.infra = infra;
    this.t = t;
    this.ns = ns;
    this.team = team;
    this.tier = tier;
  }

  void fill(int budget, BiConsumer<String, Map<String, String>> namespace) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("team", team);
    labels.put("tier", tier);
    if (t.roll(Rates.PSA_LABELS)) {
      String level = t.roll(0.5) ? "restricted" : "baseline";
      labels.put("pod-security.kubernetes.io/enforce", level);
      labels.put("pod-security.kubernetes.io/warn", "restricted");
    }
    namespace.accept(ns, labels);
    out.emit(infra.serviceAccount(ns, "default"));
    if (t.roll(Rates.DEFAULT_DENY)) {
      out.emit(infra.defaultDeny(ns));
      out.emit(infra.allowSameNamespaceAndIngress(ns));
    }
    int secretCount = Math.max(1, budget / 8);
    for (int i = 0; i < secretCount; i++) {
      String name = "app-credentials-" + i;
      out.emit(infra.secret(ns, name, "Opaque"));
      secrets.add(name);
    }
    int used = 0;
    for (int index = 0; used < budget; index++) {
      used += workload(SyntheticCluster.component(index), budget - used);
    }
    rbac();
  }

  /** One workload of a kind drawn at the usual mix; returns the pods it runs. */
  private int workload(String app, int budget) {
    String account = "default";
    if (t.roll(Rates.OWN_SERVICE_ACCOUNT)) {
      account = app;
      out.emit(infra.serviceAccount(ns, account));
      appAccounts.add(saSubject(ns, account));
    }
    if (t.roll(Rates.CONFIGMAP)) {
      out.emit(infra.configMap(ns, app, t.roll(Rates.LEAKY_CONFIGMAP)));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", app);
    labels.put("team", team);
    double kind = t.uniform();
    if (kind < 0.72 || budget < 2) {
      int replicas = Math.min(budget, replicas());
      out.deployment(ns, app, labels, t.spec(team, app, account, secrets, false), replicas);
      expose(app);
      return replicas;
    }
    if (kind < 0.82) {
      int replicas = Math.min(budget, 1 + (t.roll(0.5) ? 2 : 0));
      out.statefulSet(ns, app, labels, t.spec(team, app, account, secrets, false), replicas);
      expose(app);
      return replicas;
    }
    if (kind < 0.88) {
      out.cronJob(ns, app, labels, t.spec(team, app, account, secrets, true));
      return 1;
    }
    if (kind < 0.92) {
      out.job(ns, app + "-migrate", labels, t.spec(team, app, account, secrets, true), null);
      return 1;
    }
    if (kind < 0.96) {
      // Named apart from a StatefulSet's pods (app-0, app-1...), which another workload may be.
      out.nakedPod(ns, app + "-manual", labels, t.spec(team, app, account, secrets, false));
      return 1;
    }
    int replicas = Math.min(budget, 2);
    out.replicaSet(ns, app, labels, t.spec(team, app, account, secrets, false), replicas);
    return replicas;
  }

  /** Most services run a few replicas; a few run many. */
  private int replicas() {
    double r = t.uniform();
    return r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : r < 0.97 ? 6 : 12;
  }

  private void expose(String app) {
    if (!t.roll(Rates.SERVICE)) {
      return;
    }
    if (t.roll(Rates.LOAD_BALANCER)) {
      out.emit(infra.service(ns, app, "LoadBalancer", t.roll(Rates.INTERNAL_LB)));
    } else if (t.roll(Rates.NODE_PORT)) {
      out.emit(infra.service(ns, app, "NodePort", false));
    } else {
      out.emit(infra.service(ns, app, "ClusterIP", false));
      if (tier.equals("prod") && t.roll(Rates.INGRESS)) {
        boolean tls = t.roll(Rates.INGRESS_TLS);
        if (tls) {
          out.emit(infra.secret(ns, app + "-tls", "kubernetes.io/tls"));
        }
        out.emit(infra.ingress(ns, app, team, tls));
      }
    }
  }

  private void rbac() {
    if (!appAccounts.isEmpty()) {
      out.emit(
          infra.role(
              "Role",
              ns,
              "config-reader",
              list(rule(list(""), list("configmaps"), list("get", "list", "watch")))));
      out.emit(
          infra.binding(
              "RoleBinding",
              ns,
              "config-readers",
              "Role",
              "config-reader",
              new ArrayList<>(appAccounts)));
    }
    if (tier.equals("dev")) {
      out.emit(SyntheticCluster.developerBinding(infra, ns, team));
    }
    if (appAccounts.isEmpty()) {
      return;
    }
    Object first = appAccounts.get(0);
    if (t.roll(Rates.SECRET_READER)) {
      out.emit(
          infra.role(
              "Role",
              ns,
              "secret-reader",
              list(rule(list(""), list("secrets"), list("get", "list")))));
      out.emit(
          infra.binding("RoleBinding", ns, "secret-readers", "Role", "secret-reader", list(first)));
    }
    if (t.roll(Rates.POD_CREATOR)) {
      out.emit(
          infra.role(
              "Role",
              ns,
              "deployer",
              list(rule(list("", "apps"), list("pods", "deployments"), list("create", "patch")))));
      out.emit(infra.binding("RoleBinding", ns, "deployers", "Role", "deployer", list(first)));
    }
    if (t.roll(Rates.WILDCARD_ROLE)) {
      out.emit(
          infra.role("Role", ns, "namespace-admin", list(rule(list("*"), list("*"), list("*")))));
      out.emit(
          infra.binding(
              "RoleBinding", ns, "namespace-admins", "Role", "namespace-admin", list(first)));
    }
  }
}
