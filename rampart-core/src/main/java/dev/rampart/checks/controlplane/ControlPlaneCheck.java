package dev.rampart.checks.controlplane;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A check of the flags of one or more control-plane components, read from their mirror pods. Each
 * pod passes or fails; a component hidden by a managed control plane is not applicable (once, with
 * the evidence); a component absent from the input is not evaluated (once, with the reason).
 */
public abstract class ControlPlaneCheck implements Check {

  @Override
  public Set<String> requires() {
    return Set.of("Pod", "Node");
  }

  private final List<Component> components;

  protected ControlPlaneCheck(Component... components) {
    this.components = List.of(components);
  }

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    List<Component> missing = new ArrayList<>();
    List<ControlPlanePod> pods = new ArrayList<>();
    for (Component component : components) {
      List<ControlPlanePod> found = ControlPlanePods.of(snapshot, component);
      if (found.isEmpty()) {
        missing.add(component);
      }
      pods.addAll(found);
    }
    if (!missing.isEmpty()) {
      Distribution d = Distribution.detect(snapshot);
      if (d.hidesControlPlane() && pods.isEmpty()) {
        results.notApplicable(d.object(), d.reason(names(missing) + " configuration"));
      } else {
        results.notEvaluated(missing(snapshot, missing));
      }
    }
    List<Violation> found = new ArrayList<>();
    for (ControlPlanePod pod : pods) {
      String unknown = notEvaluated(pod);
      if (unknown != null) {
        results.notEvaluated(unknown);
        continue;
      }
      found.clear();
      check(pod, snapshot, context, found::add);
      if (found.isEmpty()) {
        results.pass(pod.object());
      } else {
        found.forEach(results::fail);
      }
      String part = partlyNotEvaluated(pod);
      if (part != null) {
        results.notEvaluated(part);
      }
    }
  }

  /**
   * Why this pod's setting cannot be judged from its flags (it lives in a file on the host), or
   * null when it can.
   */
  protected String notEvaluated(ControlPlanePod pod) {
    return null;
  }

  /**
   * What part of the control this pod's flags cannot show (a file they point to), reported as not
   * evaluated besides the pass or fail of the rest; null when nothing is left out.
   */
  protected String partlyNotEvaluated(ControlPlanePod pod) {
    return null;
  }

  protected abstract void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail);

  /** Why components cannot be assessed: no pod of them in the input. */
  static String missing(Snapshot snapshot, List<Component> missing) {
    if (missing.equals(List.of(Component.ETCD))) {
      for (ControlPlanePod api : ControlPlanePods.of(snapshot, Component.KUBE_APISERVER)) {
        Setting servers = api.setting("etcd-servers");
        if (servers.isSet()) {
          return "no etcd pod in kube-system, and the API server uses --etcd-servers="
              + servers.value()
              + ": etcd runs outside the cluster (external etcd) and its flags are not visible";
        }
      }
    }
    return "no "
        + names(missing)
        + " pod in kube-system: the input holds no control-plane static (mirror) pods, or the"
        + " control plane runs as host services; scan a live cluster or include kube-system";
  }

  /** {@code kube-apiserver}, {@code a or b}, {@code a, b or c}. */
  static String names(List<Component> components) {
    List<String> ids = components.stream().map(Component::id).toList();
    if (ids.size() == 1) {
      return ids.get(0);
    }
    return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }
}
