package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any object that runs pods, normalized to its pod template: a Pod is its own template; a
 * Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or ReplicationController has one at {@code
 * spec.template}; a CronJob at {@code spec.jobTemplate.spec.template}. Immutable.
 */
public final class Workload {

  private final KubeObject object;
  private final ObjectMeta podMeta;
  private final PodSpec spec;
  private final String specPath;

  /**
   * Built on first use and kept: some sixty checks ask each workload for its containers, and each
   * view spells out its JSON path. A race builds equal lists twice, harmlessly.
   */
  private volatile List<ContainerView> containers;

  /**
   * @param object the object as read (the owner of the findings)
   * @param podMeta the pod template's metadata (labels and annotations the pods will carry)
   * @param spec the pod spec
   * @param specPath the JSON path of the pod spec inside the object, e.g. {@code
   *     spec.template.spec}
   */
  public Workload(KubeObject object, ObjectMeta podMeta, PodSpec spec, String specPath) {
    this.object = object;
    this.podMeta = podMeta == null ? new ObjectMeta() : podMeta;
    this.spec = spec == null ? new PodSpec() : spec;
    this.specPath = specPath;
  }

  public KubeObject object() {
    return object;
  }

  public ObjectMeta podMeta() {
    return podMeta;
  }

  public PodSpec spec() {
    return spec;
  }

  public String specPath() {
    return specPath;
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
    List<ContainerView> known = containers;
    if (known == null) {
      known = Collections.unmodifiableList(views());
      containers = known;
    }
    return known;
  }

  private List<ContainerView> views() {
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

  // Equality, hash and text as they were when Workload was a record: of the four fields, the
  // containers being derived from them.

  @Override
  public boolean equals(Object other) {
    return other instanceof Workload w
        && Objects.equals(object, w.object)
        && Objects.equals(podMeta, w.podMeta)
        && Objects.equals(spec, w.spec)
        && Objects.equals(specPath, w.specPath);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(object);
    h = 31 * h + Objects.hashCode(podMeta);
    h = 31 * h + Objects.hashCode(spec);
    return 31 * h + Objects.hashCode(specPath);
  }

  @Override
  public String toString() {
    return "Workload[object="
        + object
        + ", podMeta="
        + podMeta
        + ", spec="
        + spec
        + ", specPath="
        + specPath
        + "]";
  }
}
