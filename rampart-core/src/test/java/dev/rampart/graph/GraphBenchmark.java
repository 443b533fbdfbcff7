package dev.rampart.graph;

import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the asset graph and the attack-path search on a synthetic cluster of 50 000 pods (500
 * namespaces of 100 pods, one service account per 10 pods, a LoadBalancer per namespace, 1% of pods
 * privileged, a secret-reading Role per namespace, 20 nodes). Runs only on request:
 *
 * <pre>mvn -pl rampart-core test -Dgroups=bench -Dbench.excluded=none -Dtest=GraphBenchmark</pre>
 */
@Tag("bench")
class GraphBenchmark {

  private static final int NAMESPACES = 500;
  private static final int PODS_PER_NAMESPACE = 100;
  private static final int NODES = 20;

  @Test
  void graphAndPathsOf50000Pods() {
    Snapshot snapshot = generate();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf(Locale.ROOT, "synthetic cluster: %d objects%n", snapshot.objects().size());
    for (int run = 0; run < 2; run++) {
      Snapshot s = new Snapshot("synthetic", snapshot.objects(), List.of());
      AssetGroups groups = new AssetGroups(List.of());
      long t0 = System.nanoTime();
      AssetGraph graph = AssetGraph.of(s, groups, VersionDataFile.bundled());
      long t1 = System.nanoTime();
      AttackPaths.Result result = AttackPaths.find(graph, groups, AttackPaths.Options.defaults());
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%s: graph %d assets, %d edges in %d ms; %d paths to %d crown jewels in %d ms;"
              + " bounds %s; heap used %d MB%n",
          run == 0 ? "cold" : "warm " + run,
          graph.graph().vertexSet().size(),
          graph.graph().edgeSet().size(),
          (t1 - t0) / 1_000_000,
          result.paths().size(),
          result.targets().size(),
          (t2 - t1) / 1_000_000,
          result.bounds(),
          memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }
  }

  private static Snapshot generate() {
    List<KubeObject> objects = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      add(objects, new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata().build());
    }
    for (int i = 0; i < NAMESPACES; i++) {
      String ns = "ns-" + i;
      add(objects, new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
      add(
          objects,
          new ServiceBuilder()
              .withNewMetadata()
              .withName("web")
              .withNamespace(ns)
              .endMetadata()
              .withNewSpec()
              .withType("LoadBalancer")
              .withSelector(Map.of("app", "web"))
              .endSpec()
              .build());
      add(
          objects,
          new RoleBuilder()
              .withNewMetadata()
              .withName("secret-reader")
              .withNamespace(ns)
              .endMetadata()
              .addNewRule()
              .withApiGroups("")
              .withResources("secrets")
              .withVerbs("get")
              .endRule()
              .build());
      add(
          objects,
          new RoleBindingBuilder()
              .withNewMetadata()
              .withName("readers")
              .withNamespace(ns)
              .endMetadata()
              .withNewRoleRef("rbac.authorization.k8s.io", "Role", "secret-reader")
              .addNewSubject()
              .withKind("ServiceAccount")
              .withName("sa-0")
              .withNamespace(ns)
              .endSubject()
              .build());
      for (int s = 0; s < 2; s++) {
        add(
            objects,
            new SecretBuilder()
                .withNewMetadata()
                .withName("secret-" + s)
                .withNamespace(ns)
                .endMetadata()
                .build());
      }
      for (int a = 0; a < PODS_PER_NAMESPACE / 10; a++) {
        add(
            objects,
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("sa-" + a)
                .withNamespace(ns)
                .endMetadata()
                .build());
      }
      for (int p = 0; p < PODS_PER_NAMESPACE; p++) {
        boolean privileged = p == 5;
        add(
            objects,
            new PodBuilder()
                .withNewMetadata()
                .withName("pod-" + p)
                .withNamespace(ns)
                .withLabels(Map.of("app", p < 10 ? "web" : "app-" + p))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName("sa-" + (p / 10))
                .addNewContainer()
                .withName("main")
                .withImage("registry.example/app:1")
                .withNewSecurityContext()
                .withPrivileged(privileged)
                .endSecurityContext()
                .endContainer()
                .endSpec()
                .build());
      }
    }
    return new Snapshot("synthetic", objects, List.of());
  }

  private static void add(List<KubeObject> objects, HasMetadata resource) {
    objects.add(new KubeObject(resource, Origin.UNKNOWN));
  }
}
