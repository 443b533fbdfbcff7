package dev.rampart.checks.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionTest {

  private static Snapshot nodes(String yaml, ClusterInfo info) {
    var read =
        new ManifestReader()
            .read("nodes.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    return new Snapshot("test", read.objects(), List.of(), info);
  }

  private static String node(String labels, String providerId, String kubelet) {
    return """
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {%s}}
        spec: {providerID: "%s"}
        status: {nodeInfo: {kubeletVersion: "%s"}}
        """
        .formatted(labels, providerId, kubelet);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eks.amazonaws.com/nodegroup: ng1 | aws:///eu-west-1a/i-1 | v1.29.3 | EKS",
        "'' | aws:///eu-west-1a/i-1 | v1.29.3-eks-adc7111 | EKS",
        "cloud.google.com/gke-nodepool: pool | gce://p/z/n | v1.29.3 | GKE",
        "'' | gce://shop-prod/europe-west1-b/gke-shop-default-pool-1a2b3c4d-x1y2 | v1.29.3 | GKE",
        "'' | gce://p/z/n | v1.28.9-gke.1000000 | GKE",
        "kubernetes.azure.com/cluster: MC_rg_aks_westeurope | azure:///x | v1.29.3 | AKS",
        "'' | azure:///subscriptions/s/resourceGroups/MC_rg_shop_westeurope/providers/x | v1.29.3 | AKS",
        "node.openshift.io/os_id: rhcos | '' | v1.27.6+f67aeb3 | OPENSHIFT",
        "'' | k3s://n1 | v1.29.3+k3s1 | K3S",
        "'' | '' | v1.29.3+rke2r1 | RKE2",
        "'' | aws:///eu-central-1a/i-0d5e0c0demo000001 | v1.29.4 | SELF_MANAGED",
        "'' | azure:///subscriptions/s/resourceGroups/my-vms/providers/x | v1.29.4 | SELF_MANAGED",
        "'' | gce://p/z/my-vm | v1.29.4 | SELF_MANAGED"
      })
  void detectsManagedServicesOnlyFromTheirOwnMarks(
      String labels, String providerId, String kubelet, Distribution.Kind expected) {
    Distribution d =
        Distribution.detect(nodes(node(labels, providerId, kubelet), ClusterInfo.UNKNOWN));
    assertThat(d.kind()).isEqualTo(expected);
  }

  @Test
  void usesTheServerVersionWhenNoNodeTells() {
    Distribution d = Distribution.detect(nodes("", new ClusterInfo("v1.30.2-eks-db838b0")));
    assertThat(d.kind()).isEqualTo(Distribution.Kind.EKS);
    assertThat(d.hidesControlPlane()).isTrue();
    assertThat(d.reason("etcd configuration"))
        .startsWith("Amazon EKS detected (server version v1.30.2-eks-db838b0)");
  }

  @Test
  void rke2KeepsItsControlPlaneVisible() {
    Distribution d =
        Distribution.detect(nodes(node("''", "", "v1.29.3+rke2r1"), ClusterInfo.UNKNOWN));
    assertThat(d.hidesControlPlane()).isFalse();
  }
}
