package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/**
 * A container of any of the three lists, seen the same way. fabric8 models ephemeral containers as
 * a separate class with the same fields; checks should not care.
 *
 * @param path the JSON path of the container inside its object, e.g. {@code
 *     spec.template.spec.containers[0]}
 */
public record ContainerView(
    ContainerType type,
    int index,
    String path,
    String name,
    String image,
    String imagePullPolicy,
    SecurityContext securityContext,
    List<ContainerPort> ports,
    List<EnvVar> env,
    List<EnvFromSource> envFrom,
    List<VolumeMount> volumeMounts,
    ResourceRequirements resources,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    Lifecycle lifecycle) {

  public ContainerView {
    ports = nullToEmpty(ports);
    env = nullToEmpty(env);
    envFrom = nullToEmpty(envFrom);
    volumeMounts = nullToEmpty(volumeMounts);
  }

  static ContainerView of(ContainerType type, int index, String specPath, Container c) {
    return new ContainerView(
        type,
        index,
        path(specPath, type, index),
        c.getName(),
        c.getImage(),
        c.getImagePullPolicy(),
        c.getSecurityContext(),
        c.getPorts(),
        c.getEnv(),
        c.getEnvFrom(),
        c.getVolumeMounts(),
        c.getResources(),
        c.getLivenessProbe(),
        c.getReadinessProbe(),
        c.getStartupProbe(),
        c.getLifecycle());
  }

  static ContainerView of(int index, String specPath, EphemeralContainer c) {
    ContainerType type = ContainerType.EPHEMERAL_CONTAINER;
    return new ContainerView(
        type,
        index,
        path(specPath, type, index),
        c.getName(),
        c.getImage(),
        c.getImagePullPolicy(),
        c.getSecurityContext(),
        c.getPorts(),
        c.getEnv(),
        c.getEnvFrom(),
        c.getVolumeMounts(),
        c.getResources(),
        c.getLivenessProbe(),
        c.getReadinessProbe(),
        c.getStartupProbe(),
        c.getLifecycle());
  }

  private static String path(String specPath, ContainerType type, int index) {
    return specPath + "." + type.field() + "[" + index + "]";
  }

  /**
   * The JSON path of a field of this container, e.g. {@code field("securityContext.privileged")}.
   */
  public String field(String relative) {
    return path + "." + relative;
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
