package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cluster's RBAC at a given scale: service accounts spread over namespaces, each with a
 * Deployment that mounts its token, namespaced Roles and ClusterRoles (some aggregated), and the
 * bindings a real cluster has: per-account RoleBindings, RoleBindings to ClusterRoles, group
 * bindings and a few cluster-wide ones, including admin service accounts to escalate to.
 */
final class SyntheticCluster {

  private static final List<String> VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");
  private static final List<String[]> RESOURCES =
      List.of(
          new String[] {"", "pods"},
          new String[] {"", "secrets"},
          new String[] {"", "configmaps"},
          new String[] {"", "services"},
          new String[] {"", "pods/exec"},
          new String[] {"", "pods/log"},
          new String[] {"", "serviceaccounts/token"},
          new String[] {"apps", "deployments"},
          new String[] {"apps", "statefulsets"},
          new String[] {"batch", "jobs"},
          new String[] {"networking.k8s.io", "ingresses"},
          new String[] {"coordination.k8s.io", "leases"});

  private SyntheticCluster() {}

  static Snapshot generate(int serviceAccounts, int roles, long seed) {
    Random r = new Random(seed);
    int namespaces = Math.max(1, serviceAccounts / 20);
    int clusterRoles = roles / 4;
    int namespacedRoles = roles - clusterRoles;
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName("cluster-admin")
            .endMetadata()
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("*")
                    .withResources("*")
                    .withVerbs("*")
                    .build())
            .build());
    for (int i = 0; i < clusterRoles; i++) {
      ClusterRoleBuilder b =
          new ClusterRoleBuilder()
              .withNewMetadata()
              .withName("cr-" + i)
              .withLabels(Map.of("aggregate-to", "agg-" + (i % 10)))
              .endMetadata()
              .withRules(rules(r));
      if (i < 10) {
        b.withNewAggregationRule()
            .withClusterRoleSelectors(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of("aggregate-to", "agg-" + i))
                    .build())
            .endAggregationRule();
      }
      objects.add(b.build());
    }
    for (int i = 0; i < namespacedRoles; i++) {
      objects.add(
          new RoleBuilder()
              .withNewMetadata()
              .withName("role-" + i)
              .withNamespace(ns(i % namespaces))
              .endMetadata()
              .withRules(rules(r))
              .build());
    }
    for (int i = 0; i < serviceAccounts; i++) {
      String ns = ns(i % namespaces);
      String name = "sa-" + i;
      objects.add(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(ns)
              .endMetadata()
              .build());
      objects.add(
          new DeploymentBuilder()
              .withNewMetadata()
              .withName("app-" + i)
              .withNamespace(ns)
              .endMetadata()
              .withNewSpec()
              .withNewTemplate()
              .withNewSpec()
              .withServiceAccountName(name)
              .addNewContainer()
              .withName("app")
              .withImage("app:1")
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build());
      int nsIndex = i % namespaces;
      int role = (nsIndex + namespaces * r.nextInt(Math.max(1, namespacedRoles / namespaces)));
      objects.add(
          roleBinding(
              "rb-" + i,
              ns,
              role < namespacedRoles && (role % namespaces) == nsIndex ? "Role" : "ClusterRole",
              role < namespacedRoles && (role % namespaces) == nsIndex
                  ? "role-" + role
                  : "cr-" + r.nextInt(clusterRoles),
              sa(name, ns)));
      if (r.nextInt(10) == 0) {
        objects.add(
            roleBinding(
                "view-" + i,
                ns(r.nextInt(namespaces)),
                "ClusterRole",
                "cr-" + r.nextInt(clusterRoles),
                sa(name, ns)));
      }
    }
    for (int n = 0; n < namespaces; n++) {
      objects.add(
          roleBinding(
              "ns-group",
              ns(n),
              "ClusterRole",
              "cr-" + r.nextInt(clusterRoles),
              new SubjectBuilder()
                  .withKind("Group")
                  .withName("system:serviceaccounts:" + ns(n))
                  .build()));
    }
    for (int i = 0; i < 200; i++) {
      int account = r.nextInt(serviceAccounts);
      objects.add(
          new ClusterRoleBindingBuilder()
              .withNewMetadata()
              .withName("crb-" + i)
              .endMetadata()
              .withNewRoleRef(
                  "rbac.authorization.k8s.io",
                  "ClusterRole",
                  i < 3 ? "cluster-admin" : "cr-" + r.nextInt(clusterRoles))
              .withSubjects(
                  i % 5 == 0
                      ? new SubjectBuilder().withKind("User").withName("user-" + i).build()
                      : sa("sa-" + account, ns(account % namespaces)))
              .build());
    }
    List<KubeObject> kube = objects.stream().map(o -> new KubeObject(o, Origin.UNKNOWN)).toList();
    return new Snapshot("synthetic", kube, List.of());
  }

  private static String ns(int i) {
    return "ns-" + i;
  }

  private static Subject sa(String name, String namespace) {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(name)
        .withNamespace(namespace)
        .build();
  }

  private static HasMetadata roleBinding(
      String name, String ns, String kind, String role, Subject s) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", kind, role)
        .withSubjects(s)
        .build();
  }

  private static List<PolicyRule> rules(Random r) {
    List<PolicyRule> rules = new ArrayList<>();
    int n = 2 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String[] resource = RESOURCES.get(r.nextInt(RESOURCES.size()));
      List<String> verbs = new ArrayList<>();
      for (String v : VERBS) {
        if (r.nextInt(3) == 0) {
          verbs.add(v);
        }
      }
      if (verbs.isEmpty()) {
        verbs.add("get");
      }
      rules.add(
          new PolicyRuleBuilder()
              .withApiGroups(resource[0])
              .withResources(resource[1])
              .withVerbs(verbs)
              .build());
    }
    return rules;
  }
}
