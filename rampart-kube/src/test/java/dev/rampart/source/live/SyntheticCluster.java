package dev.rampart.source.live;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster of realistic objects for benchmarks: per namespace 20 Deployments with their
 * ReplicaSets and 160 Pods, 40 Services, 80 ConfigMaps, 40 Secrets, 20 ServiceAccounts, 8 Roles, 8
 * RoleBindings and 4 NetworkPolicies (400 objects); plus the namespaces and nodes.
 */
final class SyntheticCluster {

  static final int PER_NAMESPACE = 400;

  private SyntheticCluster() {}

  /** About {@code objects} objects, in whole namespaces. */
  static List<HasMetadata> generate(int objects) {
    List<HasMetadata> all = new ArrayList<>();
    int namespaces = Math.max(1, objects / PER_NAMESPACE);
    for (int n = 0; n < 10; n++) {
      all.add(
          new NodeBuilder()
              .withNewMetadata()
              .withName("node-" + n)
              .addToLabels("kubernetes.io/os", "linux")
              .endMetadata()
              .build());
    }
    for (int n = 0; n < namespaces; n++) {
      String ns = "team-" + n;
      all.add(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
      namespace(ns, all);
    }
    return all;
  }

  private static void namespace(String ns, List<HasMetadata> all) {
    for (int d = 0; d < 20; d++) {
      String app = "app-" + d;
      Map<String, String> labels = Map.of("app", app, "team", ns);
      PodSpec spec = podSpec(app);
      all.add(
          new DeploymentBuilder()
              .withNewMetadata()
              .withName(app)
              .withNamespace(ns)
              .withLabels(labels)
              .endMetadata()
              .withNewSpec()
              .withReplicas(8)
              .withNewSelector()
              .withMatchLabels(labels)
              .endSelector()
              .withNewTemplate()
              .withNewMetadata()
              .withLabels(labels)
              .endMetadata()
              .withSpec(spec)
              .endTemplate()
              .endSpec()
              .build());
      all.add(
          new ReplicaSetBuilder()
              .withNewMetadata()
              .withName(app + "-5d8f")
              .withNamespace(ns)
              .withLabels(labels)
              .addNewOwnerReference()
              .withApiVersion("apps/v1")
              .withKind("Deployment")
              .withName(app)
              .withController(true)
              .withUid("uid-" + ns + "-" + app)
              .endOwnerReference()
              .endMetadata()
              .withNewSpec()
              .withReplicas(8)
              .withNewTemplate()
              .withNewMetadata()
              .withLabels(labels)
              .endMetadata()
              .withSpec(spec)
              .endTemplate()
              .endSpec()
              .build());
      for (int p = 0; p < 8; p++) {
        all.add(
            new PodBuilder()
                .withNewMetadata()
                .withName(app + "-5d8f-" + p)
                .withNamespace(ns)
                .withLabels(labels)
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("ReplicaSet")
                .withName(app + "-5d8f")
                .withController(true)
                .withUid("uid-rs-" + ns + "-" + app)
                .endOwnerReference()
                .endMetadata()
                .withSpec(new PodSpecBuilder(spec).withNodeName("node-" + (p % 10)).build())
                .build());
      }
      for (int s = 0; s < 2; s++) {
        all.add(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(app + "-" + s)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withType(s == 0 ? "ClusterIP" : "LoadBalancer")
                .withSelector(labels)
                .addNewPort()
                .withPort(80 + s)
                .endPort()
                .endSpec()
                .build());
      }
      for (int c = 0; c < 4; c++) {
        all.add(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(app + "-config-" + c)
                .withNamespace(ns)
                .endMetadata()
                .addToData("application.yaml", "server:\n  port: 8080\nlogging:\n  level: INFO\n")
                .addToData("LOG_FORMAT", "json")
                .build());
      }
      for (int c = 0; c < 2; c++) {
        all.add(
            new SecretBuilder()
                .withNewMetadata()
                .withName(app + "-secret-" + c)
                .withNamespace(ns)
                .endMetadata()
                .withType("Opaque")
                .addToData("password", "c3VwZXItc2VjcmV0LXZhbHVlLTEyMzQ1Ng==")
                .build());
      }
      all.add(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withName(app)
              .withNamespace(ns)
              .endMetadata()
              .build());
    }
    for (int r = 0; r < 8; r++) {
      all.add(
          new RoleBuilder()
              .withNewMetadata()
              .withName("role-" + r)
              .withNamespace(ns)
              .endMetadata()
              .addNewRule()
              .withApiGroups("", "apps")
              .withResources("pods", "deployments", r == 0 ? "secrets" : "configmaps")
              .withVerbs("get", "list", "watch")
              .endRule()
              .build());
      all.add(
          new RoleBindingBuilder()
              .withNewMetadata()
              .withName("binding-" + r)
              .withNamespace(ns)
              .endMetadata()
              .withNewRoleRef("rbac.authorization.k8s.io", "Role", "role-" + r)
              .addNewSubject()
              .withKind("ServiceAccount")
              .withName("app-" + r)
              .withNamespace(ns)
              .endSubject()
              .build());
    }
    for (int p = 0; p < 4; p++) {
      all.add(
          new NetworkPolicyBuilder()
              .withNewMetadata()
              .withName("policy-" + p)
              .withNamespace(ns)
              .endMetadata()
              .withNewSpec()
              .withNewPodSelector()
              .addToMatchLabels("app", "app-" + p)
              .endPodSelector()
              .withPolicyTypes("Ingress")
              .endSpec()
              .build());
    }
  }

  private static PodSpec podSpec(String app) {
    return new PodSpecBuilder()
        .withServiceAccountName(app)
        .addNewContainer()
        .withName(app)
        .withImage("registry.example.com/" + app + ":1.4.2")
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .addNewEnv()
        .withName("DB_PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef("password", app + "-secret-0", false)
        .endValueFrom()
        .endEnv()
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("128Mi"))
        .addToLimits("memory", new Quantity("256Mi"))
        .endResources()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/ready")
        .withNewPort(8080)
        .endHttpGet()
        .endReadinessProbe()
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .endSecurityContext()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/" + app)
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName(app + "-config-0")
        .endConfigMap()
        .endVolume()
        .build();
  }
}
