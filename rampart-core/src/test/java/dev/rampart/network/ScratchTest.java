package dev.rampart.network;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.source.demo.DemoCluster;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() {
    var snap = DemoCluster.load();
    var run =
        new CheckRunner(BuiltInChecks.all(), "demo")
            .run(snap, CheckContext.defaults(), SeverityOverrides.NONE);
    run.findings().stream()
        .filter(f -> f.category() == Category.NETWORK)
        .forEach(
            f ->
                System.out.println(
                    f.checkId()
                        + " | "
                        + f.resource().kind()
                        + "/"
                        + f.resource().namespace()
                        + "/"
                        + f.resource().name()
                        + " | "
                        + f.message()
                        + " | "
                        + f.evidence()));
    run.tallies().stream()
        .filter(
            t ->
                !t.notEvaluated().isEmpty()
                    || t.checkId().contains("network")
                    || t.checkId().contains("exposed")
                    || t.checkId().contains("namespace")
                    || t.checkId().contains("tls")
                    || t.checkId().contains("sensitive"))
        .forEach(System.out::println);
    Network n = Network.of(snap);
    for (var e : n.endpoints()) {
      System.out.println(
          e.display()
              + " "
              + n.exposure().level(e.object())
              + " "
              + n.exposure().routes(e.object()).stream()
                  .map(r -> r.describe() + "[" + r.reach() + "]")
                  .toList());
    }
    System.out.println(
        "classes "
            + n.reachability().classCount()
            + " of "
            + n.endpoints().size()
            + " pairs "
            + n.reachability().connectedPairs());
    System.out.println(n.podNetwork());
  }
}
