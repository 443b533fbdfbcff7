package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.source.demo.DemoCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted network weaknesses of the demo cluster (demo/README.md, G01 and N01 to N09). */
class DemoNetworkTest {

  private static Network network;

  @BeforeAll
  static void load() {
    network = Network.of(DemoCluster.load());
  }

  private static PodEndpoint workload(String ns, String kind, String name) {
    KubeObject o = network.snapshot().find(kind, ns, name).orElseThrow();
    return network.endpoint(o).orElseThrow();
  }

  @Test
  void g01TheInternetReachesThePaymentsDatabaseThroughTheFrontend() {
    PodEndpoint db = workload("payments", "StatefulSet", "payments-postgres");
    InternetPaths.Path path =
        network.internetPaths().pathTo(db, PortSet.port(Protocol.TCP, 5432)).orElseThrow();
    System.out.println(path.summary());
    path.hops().forEach(h -> System.out.println("  " + h.describe()));
    assertThat(path.summary())
        .isEqualTo(
            "internet -> storefront/Deployment/frontend -> payments/StatefulSet/payments-postgres");
  }
}
