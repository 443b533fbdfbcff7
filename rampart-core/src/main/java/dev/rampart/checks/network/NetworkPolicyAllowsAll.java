package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.network.Direction;
import dev.rampart.network.NamespaceIsolation;
import dev.rampart.network.Policy;
import dev.rampart.network.Rule;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

@CheckInfo(
    id = "network-policy-allows-all",
    title = "NetworkPolicy allows all traffic from or to anywhere",
    severity = Severity.MEDIUM,
    category = Category.NETWORK,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1046"},
    why =
        """
        A rule without peers, with an ipBlock of 0.0.0.0/0 or ::/0, or with an empty \
        namespaceSelector, and without ports, allows every connection: the policy isolates its \
        pods only to open them again. It reads like protection in a review and gives none, and \
        because policies add up it cancels every narrower policy that selects the same pods.""",
    remediation =
        """
        Replace the rule with rules that name the sources (or destinations) and the ports the \
        workload needs; to allow DNS, allow UDP and TCP 53 to the cluster DNS pods only. Delete \
        the policy if it was meant to switch isolation off.""",
    notes =
        """
        A rule counts when it has no ports and its peers are missing or include the whole \
        internet (an ipBlock of a whole address family, exceptions or not) or every pod of every \
        namespace. Rules that allow everything on one port (a public web server on 443) do not \
        count. Rules of a direction the policy does not govern (its policyTypes) are ignored, as \
        the API ignores them.""")
public final class NetworkPolicyAllowsAll implements Check {

  @Override
  public Set<String> requires() {
    return Set.of("NetworkPolicy");
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    for (KubeObject object : snapshot.ofKind("NetworkPolicy")) {
      // Calico's NetworkPolicy shares the kind; it is not a Kubernetes NetworkPolicy.
      if (object.resource() instanceof NetworkPolicy) {
        List<Violation> found = new ArrayList<>();
        check(object, found::add);
        if (found.isEmpty()) {
          results.pass(object);
        } else {
          found.forEach(results::fail);
        }
      }
    }
  }

  private static void check(KubeObject object, Consumer<Violation> fail) {
    Policy policy = Policy.of(object);
    for (Direction d : Direction.values()) {
      if (!policy.affects(d)) {
        continue;
      }
      for (Rule r : policy.rules(d)) {
        if (NamespaceIsolation.allowsEverything(r)) {
          fail.accept(
              new Violation(
                  object,
                  null,
                  r.path(),
                  NamespaceIsolation.anywhere(r),
                  d.id()
                      + " rule "
                      + (r.index() + 1)
                      + " allows every port "
                      + (d == Direction.INGRESS ? "from anywhere" : "to anywhere")
                      + " for the pods it selects ("
                      + policy.podSelector().describe()
                      + ")",
                  null));
        }
      }
    }
  }
}
