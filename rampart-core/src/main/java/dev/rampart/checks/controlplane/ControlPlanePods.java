package dev.rampart.checks.controlplane;

import dev.rampart.checks.version.Version;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the control plane's static pods. The kubelet mirrors every static pod into the API as a Pod
 * in kube-system (annotation {@code kubernetes.io/config.mirror}); kubeadm and RKE2 label them
 * {@code component=<binary>} and {@code tier=control-plane}. Static pod manifests read from files
 * carry the labels but not the annotation, and count too. Without the label, the container's binary
 * or image names the component.
 */
public final class ControlPlanePods {

  static final String NAMESPACE = "kube-system";

  private ControlPlanePods() {}

  /**
   * Every component's pods, found once per snapshot: some fifty checks ask, and a large cluster's
   * kube-system holds a DaemonSet pod per node and component whose commands are split into words.
   */
  private static final Snapshot.Derivation<Map<Component, List<ControlPlanePod>>> ALL =
      new Snapshot.Derivation<>(ControlPlanePods::find);

  /** The pods running {@code component}, in snapshot order (one per control-plane node). */
  public static List<ControlPlanePod> of(Snapshot snapshot, Component component) {
    return snapshot.derive(ALL).get(component);
  }

  private static Map<Component, List<ControlPlanePod>> find(Snapshot snapshot) {
    Map<Component, List<ControlPlanePod>> all = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      List<ControlPlanePod> pods = new ArrayList<>();
      for (KubeObject o : snapshot.ofKind("Pod")) {
        if (NAMESPACE.equals(o.namespace()) && o.resource() instanceof Pod pod) {
          find(o, pod, component).ifPresent(pods::add);
        }
      }
      all.put(component, List.copyOf(pods));
    }
    return Collections.unmodifiableMap(all);
  }

  private static Optional<ControlPlanePod> find(KubeObject o, Pod pod, Component component) {
    if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
      return Optional.empty();
    }
    List<Container> containers = pod.getSpec().getContainers();
    boolean labelled = Component.of(o.labels().get("component")) == component;
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (runs(c, component) || labelled && containers.size() == 1) {
        Flags flags = Flags.parse(c.getCommand(), c.getArgs());
        return Optional.of(
            new ControlPlanePod(o, component, i, c, flags, imageVersion(c.getImage())));
      }
    }
    return Optional.empty();
  }

  /** Whether the container's command (or, without one, its image) is the component's binary. */
  private static boolean runs(Container c, Component component) {
    List<String> command = c.getCommand();
    if (command != null && !command.isEmpty()) {
      for (String element : command) {
        for (String word : Flags.split(element)) {
          if (Component.of(word) == component) {
            return true;
          }
        }
      }
      return false;
    }
    return Component.of(repository(c.getImage())) == component;
  }

  /** The repository of an image reference, without registry port, tag or digest. */
  static String repository(String image) {
    if (image == null) {
      return null;
    }
    String ref = image;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/')) {
      ref = ref.substring(0, colon);
    }
    return ref;
  }

  /** The version in an image's tag ({@code registry.k8s.io/kube-apiserver:v1.29.4}), or null. */
  public static Version imageVersion(String image) {
    if (image == null) {
      return null;
    }
    String ref = image;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int colon = ref.lastIndexOf(':');
    if (colon < 0 || colon < ref.lastIndexOf('/')) {
      return null;
    }
    return Version.parse(ref.substring(colon + 1)).orElse(null);
  }
}
