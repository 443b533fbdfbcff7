package dev.rampart.checks.network;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.checks.Violation;
import dev.rampart.network.CniPolicy;
import dev.rampart.network.Direction;
import dev.rampart.network.NamespaceIsolation;
import dev.rampart.network.Network;
import dev.rampart.network.PodEndpoint;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two namespace default-deny checks: a namespace that runs pods passes when it denies the
 * direction by default ({@link NamespaceIsolation}). Findings are on the Namespace object, or on a
 * stand-in when the input does not declare it. Namespaces covered by CNI policies are not
 * evaluated.
 */
abstract class NamespaceDefaultDeny implements Check {

  @Override
  public Set<String> requires() {
    return NetworkKinds.ALL;
  }

  private final Direction direction;

  NamespaceDefaultDeny(Direction direction) {
    this.direction = direction;
  }

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    Network network = Network.of(snapshot);
    Map<String, Boolean> namespaces = new TreeMap<>();
    for (PodEndpoint e : network.endpoints()) {
      namespaces.merge(e.namespace(), !e.hostNetwork(), Boolean::logicalOr);
    }
    for (String ns : new TreeSet<>(snapshot.namespaces())) {
      namespaces.putIfAbsent(ns, false);
    }
    for (Map.Entry<String, Boolean> e : namespaces.entrySet()) {
      String ns = e.getKey();
      KubeObject object = namespaceObject(snapshot, ns);
      if (!e.getValue()) {
        if (snapshot.find("Namespace", null, ns).isPresent()) {
          results.notApplicable(object, "no pod that NetworkPolicy governs runs in " + ns);
        }
        continue;
      }
      List<CniPolicy> cni = network.cniPoliciesCovering(ns);
      if (!cni.isEmpty()) {
        results.notEvaluated(cni.get(0).reason(ns));
        continue;
      }
      NamespaceIsolation isolation = NamespaceIsolation.of(network, ns, direction);
      if (isolation.deniesByDefault()) {
        results.pass(object);
      } else {
        results.fail(violation(object, isolation));
      }
    }
  }

  private Violation violation(KubeObject object, NamespaceIsolation isolation) {
    String d = direction.id();
    String message;
    String field;
    String value;
    if (isolation.opening() != null) {
      field = isolation.opening().path();
      value = NamespaceIsolation.anywhere(isolation.opening());
      message =
          "NetworkPolicy "
              + isolation.opening().policy().namespace()
              + "/"
              + isolation.opening().policy().name()
              + " isolates every pod of namespace "
              + isolation.namespace()
              + " for "
              + d
              + " but its "
              + d
              + " rule "
              + (isolation.opening().index() + 1)
              + " allows everything ("
              + value
              + ", every port)";
    } else {
      field = null;
      List<String> names = isolation.unisolated().stream().map(PodEndpoint::display).toList();
      value = names.isEmpty() ? null : String.join(", ", names);
      message =
          "no NetworkPolicy with an empty podSelector isolates namespace "
              + isolation.namespace()
              + " for "
              + d
              + (names.isEmpty()
                  ? "; its current pods are isolated by other policies, new pods will not be"
                  : ": " + names.size() + " workload(s) " + traffic());
    }
    return new Violation(object, null, field, value, message, null);
  }

  private String traffic() {
    return direction == Direction.INGRESS
        ? "accept connections from any pod or address"
        : "may open connections to any pod or address";
  }

  /** The Namespace object, or a stand-in with the name alone when the input lacks it. */
  static KubeObject namespaceObject(Snapshot snapshot, String ns) {
    return snapshot
        .find("Namespace", null, ns)
        .orElseGet(
            () ->
                new KubeObject(
                    new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build(),
                    Origin.UNKNOWN));
  }
}
