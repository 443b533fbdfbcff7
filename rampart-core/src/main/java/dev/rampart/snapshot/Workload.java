package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any object that runs pods, normalized to its pod template: a Pod is its own template; a
 * Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or ReplicationController has one at {@code
 * spec.template}; a CronJob at {@code spec.jobTemplate.spec.template}.
 *
 * @param object the object as read (the owner of the findings)
 * @param podMeta the pod template's metadata (labels and annotations the pods will carry)
 * @param spec the pod spec
 * @param specPath the JSON path of the pod spec inside the object, e.g. {@code spec.template.spec}
 */
public record Workload(KubeObject object, ObjectMeta podMeta, PodSpec spec, String specPath) {

  public Workload {
    podMeta = podMeta == null ? new ObjectMeta() : podMeta;
    spec = spec == null ? new PodSpec() : spec;
  }

  public String kind() {
    return object.kind();
  }

  public String namespace() {
    return object.namespace();
  }

  public String name() {
    return object.name();
  }

  /** The JSON path of a pod-spec field, e.g. {@code field("hostNetwork")}. */
  public String field(String relative) {
    return specPath + "." + relative;
  }

  /** The JSON path of the pod template's metadata (for annotations). */
  public String metadataPath() {
    return specPath.equals("spec")
        ? "metadata"
        : specPath.substring(0, specPath.length() - 4) + "metadata";
  }

  public Map<String, String> podLabels() {
    return podMeta.getLabels() == null ? Map.of() : podMeta.getLabels();
  }

  public Map<String, String> podAnnotations() {
    return podMeta.getAnnotations() == null ? Map.of() : podMeta.getAnnotations();
  }

  /** Every container: regular, init and ephemeral, in that order. */
  public List<ContainerView> containers() {
    List<ContainerView> all = new ArrayList<>();
    addAll(all, ContainerType.CONTAINER, spec.getContainers());
    addAll(all, ContainerType.INIT_CONTAINER, spec.getInitContainers());
    List<EphemeralContainer> ephemeral = spec.getEphemeralContainers();
    if (ephemeral != null) {
      for (int i = 0; i < ephemeral.size(); i++) {
        all.add(ContainerView.of(i, specPath, ephemeral.get(i)));
      }
    }
    return all;
  }

  private void addAll(List<ContainerView> all, ContainerType type, List<Container> list) {
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        all.add(ContainerView.of(type, i, specPath, list.get(i)));
      }
    }
  }
}
