package dev.rampart.checks.workload;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.SnapshotWorkloadCheck;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CPU or memory request or limit missing from an app container, judged as the API server would
 * leave it after admission: a request defaults to the container's own limit, and a LimitRange of
 * the namespace fills in its default request and limit.
 */
abstract class MissingResource extends SnapshotWorkloadCheck {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("LimitRange");
  }

  private static final String CONTAINER_LIMITS = "Container";

  private final String resource;
  private final String shown;
  private final boolean limit;

  /**
   * @param resource {@code cpu} or {@code memory}
   * @param shown the resource as a message names it
   * @param limit whether the limit is checked, else the request
   */
  MissingResource(String resource, String shown, boolean limit) {
    this.resource = resource;
    this.shown = shown;
    this.limit = limit;
  }

  @Override
  protected void check(
      Workload w, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (has(w.spec().getResources()) || namespaceDefault(snapshot, w.namespace())) {
      return;
    }
    for (ContainerView c : w.containers()) {
      // Init containers run to completion before the app starts; ephemeral ones cannot set
      // resources at all.
      if (c.type() == ContainerType.CONTAINER && !has(c.resources())) {
        String field = "resources." + (limit ? "limits." : "requests.") + resource;
        fail.accept(
            Violation.of(
                    w.object(),
                    c.field(field),
                    "container " + c.name() + " sets no " + shown + (limit ? " limit" : " request"))
                .inContainer(c.name()));
      }
    }
  }

  private boolean has(ResourceRequirements r) {
    if (r == null) {
      return false;
    }
    // Kubernetes copies a limit into a missing request.
    return isSet(r.getLimits()) || (!limit && isSet(r.getRequests()));
  }

  private boolean isSet(Map<String, Quantity> quantities) {
    if (quantities == null) {
      return false;
    }
    Quantity q = quantities.get(resource);
    return q != null
        && ((q.getAmount() != null && !q.getAmount().isBlank())
            || (q.getFormat() != null && !q.getFormat().isBlank()));
  }

  private boolean namespaceDefault(Snapshot snapshot, String namespace) {
    for (KubeObject o : snapshot.ofKind("LimitRange")) {
      if (Objects.equals(o.namespace(), namespace)
          && o.resource() instanceof LimitRange range
          && range.getSpec() != null
          && range.getSpec().getLimits() != null) {
        for (LimitRangeItem item : range.getSpec().getLimits()) {
          if (CONTAINER_LIMITS.equals(item.getType()) && defaults(item)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean defaults(LimitRangeItem item) {
    // A LimitRange's default limit is also the default request when it gives none.
    return isSet(item.getDefault()) || (!limit && isSet(item.getDefaultRequest()));
  }
}
