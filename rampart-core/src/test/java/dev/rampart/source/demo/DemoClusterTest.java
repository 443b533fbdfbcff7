package dev.rampart.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.config.ConfigLoader;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoClusterTest {

  private final Snapshot demo = DemoCluster.load();

  @Test
  void loadsWithoutAnyInputProblem() {
    assertThat(demo.problems()).isEmpty();
    assertThat(demo.source()).isEqualTo("demo");
  }

  @Test
  void isARealisticClusterOfEveryKind() {
    assertThat(demo.ofKind("Namespace")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(demo.workloads()).hasSizeGreaterThanOrEqualTo(50);
    Set<String> kinds = demo.workloads().stream().map(Workload::kind).collect(Collectors.toSet());
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "Pod",
            "Deployment",
            "ReplicaSet",
            "StatefulSet",
            "DaemonSet",
            "Job",
            "CronJob",
            "ReplicationController");
    for (String kind :
        new String[] {
          "Node",
          "Service",
          "Ingress",
          "NetworkPolicy",
          "ServiceAccount",
          "Role",
          "RoleBinding",
          "ClusterRole",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret"
        }) {
      assertThat(demo.ofKind(kind)).as(kind).isNotEmpty();
    }
  }

  @Test
  void hasControlPlaneMirrorPods() {
    Set<String> mirrors =
        demo.ofKind("Pod").stream()
            .filter(p -> p.annotations().containsKey("kubernetes.io/config.mirror"))
            .map(KubeObject::name)
            .collect(Collectors.toSet());
    assertThat(mirrors)
        .contains(
            "kube-apiserver-cp-1",
            "kube-controller-manager-cp-1",
            "kube-scheduler-cp-1",
            "etcd-cp-1");
  }

  @Test
  void itsConfigurationIsValid() throws Exception {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    var config = new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    assertThat(config.assetGroups()).isNotEmpty();
    assertThat(config.trustedRegistries()).contains("registry.shopops.example");
  }
}
