package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.source.file.ManifestReader;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ClusterRole shipped in deploy/ grants what the live source reads, and nothing else. */
class DeployedRoleTest {

  private static final String RBAC = "../deploy/rbac.yaml";

  @Test
  void grantsListOnEveryKindTheLiveSourceReadsAndNothingMore() {
    ClusterRole role = role("rampart-scanner");
    Set<String> granted = new HashSet<>();
    for (PolicyRule rule : role.getRules()) {
      assertThat(rule.getVerbs()).as(rule.toString()).containsExactly("list");
      assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
      assertThat(rule.getResourceNames()).isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          assertThat(group + resource).doesNotContain("*");
          granted.add(group.isEmpty() ? resource : resource + "." + group);
        }
      }
    }
    Set<String> read = new HashSet<>();
    ResourceType.BUILT_IN.forEach(t -> read.add(t.resource()));
    read.addAll(
        List.of(
            "gatewayclasses.gateway.networking.k8s.io",
            "gateways.gateway.networking.k8s.io",
            "httproutes.gateway.networking.k8s.io",
            "grpcroutes.gateway.networking.k8s.io",
            "tlsroutes.gateway.networking.k8s.io",
            "tcproutes.gateway.networking.k8s.io",
            "udproutes.gateway.networking.k8s.io",
            "referencegrants.gateway.networking.k8s.io",
            "ciliumnetworkpolicies.cilium.io",
            "ciliumclusterwidenetworkpolicies.cilium.io",
            "networkpolicies.crd.projectcalico.org",
            "globalnetworkpolicies.crd.projectcalico.org",
            "networkpolicies.crd.antrea.io",
            "clusternetworkpolicies.crd.antrea.io",
            "adminnetworkpolicies.policy.networking.k8s.io",
            "baselineadminnetworkpolicies.policy.networking.k8s.io",
            "vulnerabilityreports.aquasecurity.github.io"));
    assertThat(ResourceType.OPTIONAL).hasSize(17);
    assertThat(granted).isEqualTo(read);
  }

  @Test
  void theKubeletGrantIsApartAndOnlyGetsTheNodeProxy() {
    assertThat(role("rampart-kubelet-config-reader")).isNull();
    ClusterRole kubelet =
        (ClusterRole)
            read("../deploy/optional/kubelet-config-reader.yaml").stream()
                .filter(o -> o.kind().equals("ClusterRole"))
                .findFirst()
                .orElseThrow()
                .resource();
    assertThat(kubelet.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getResources()).containsExactly("nodes/proxy");
              assertThat(r.getVerbs()).containsExactly("get");
            });
  }

  private static ClusterRole role(String name) {
    return read(RBAC).stream()
        .filter(o -> o.kind().equals("ClusterRole") && o.name().equals(name))
        .map(o -> (ClusterRole) o.resource())
        .findFirst()
        .orElse(null);
  }

  private static List<KubeObject> read(String file) {
    ManifestReader.Result result = new ManifestReader().read(List.of(file), System.in);
    assertThat(result.problems()).isEmpty();
    return result.objects();
  }
}
