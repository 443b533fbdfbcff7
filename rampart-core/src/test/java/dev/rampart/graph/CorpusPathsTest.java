package dev.rampart.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.testing.Corpora;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public corpora: Kubernetes Goat's attack scenarios each give a path; a benign microservices
 * application gives none to cluster-admin or a node. Skipped when the corpora are absent.
 */
class CorpusPathsTest {

  private static final AssetGroups NONE = new AssetGroups(List.of());

  @Test
  void insecureRbacSuperadminIsClusterAdmin() {
    AttackPaths.Result r =
        paths(
            "goat/scenarios__insecure-rbac__setup.yaml",
            AttackPaths.Options.defaults()
                .withFrom(List.of("ServiceAccount/kube-system/superadmin")));
    assertThat(r.paths())
        .extracting(AttackPath::describe)
        .contains("ServiceAccount/kube-system/superadmin → cluster-admin");
    assertThat(r.paths().get(0).steps().get(0).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("ClusterRoleBinding/superadmin"));
  }

  @Test
  void hungerCheckPodReadsTheVaultKey() {
    AttackPaths.Result r =
        paths(
            "goat/scenarios__hunger-check__deployment.yaml",
            AttackPaths.Options.defaults()
                .withAssumeBreach(true)
                .withTo("Secret/big-monolith/vaultapikey"));
    assertThat(r.paths())
        .extracting(AttackPath::describe)
        .contains(
            "Deployment/big-monolith/hunger-check-deployment"
                + " → ServiceAccount/big-monolith/big-monolith-sa"
                + " → RoleBinding/big-monolith/secret-reader-binding"
                + " → Secret/big-monolith/vaultapikey");
  }

  @Test
  void systemMonitorEscapesToTheNode() {
    AttackPaths.Result r =
        paths(
            "goat/scenarios__system-monitor__deployment.yaml",
            AttackPaths.Options.defaults().withAssumeBreach(true));
    AttackPath path =
        r.paths().stream()
            .filter(
                p -> p.describe().equals("Deployment/default/system-monitor-deployment → Node/any"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.paths()));
    assertThat(path.steps().get(0).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("privileged"))
        .anySatisfy(e -> assertThat(e).contains("hostPID"));
  }

  @Test
  void benignMicroservicesReachNeitherClusterAdminNorANode() {
    AttackPaths.Result r =
        paths("benign/microservices-demo", AttackPaths.Options.defaults().withAssumeBreach(true));
    assertThat(r.paths())
        .noneSatisfy(
            p -> assertThat(p.target().kind()).isIn(Asset.Kind.CLUSTER_ADMIN, Asset.Kind.NODE));
  }

  private static AttackPaths.Result paths(String relative, AttackPaths.Options options) {
    Path input = Corpora.resolve(relative);
    ManifestReader.Result read =
        new ManifestReader().read(List.of(input.toString()), InputStream.nullInputStream());
    Snapshot snapshot = new Snapshot("corpus", read.objects(), read.problems());
    AssetGraph graph = AssetGraph.of(snapshot, NONE, VersionDataFile.bundled());
    return AttackPaths.find(graph, NONE, options);
  }
}
