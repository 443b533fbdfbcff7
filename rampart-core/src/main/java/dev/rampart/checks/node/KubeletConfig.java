package dev.rampart.checks.node;

import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/**
 * One node's kubelet configuration: a {@code kubelet.config.k8s.io/v1beta1 KubeletConfiguration}
 * object named after the node, with the fields of the kubelet's {@code /configz} ({@code
 * kubeletconfig}) at its top level. The live source reads it through the API server's node proxy;
 * offline it can come from a file (see {@code docs/control-plane.md}).
 */
public record KubeletConfig(KubeObject object, Map<String, Object> fields) {

  public static final String KIND = "KubeletConfiguration";
  public static final String GROUP = "kubelet.config.k8s.io/";

  public static boolean is(KubeObject o) {
    String apiVersion = o.resource().getApiVersion();
    return KIND.equals(o.kind()) && apiVersion != null && apiVersion.startsWith(GROUP);
  }

  public static KubeletConfig of(KubeObject o) {
    Map<String, Object> fields =
        o.resource() instanceof GenericKubernetesResource g
            ? g.getAdditionalProperties()
            : Map.of();
    return new KubeletConfig(o, fields == null ? Map.of() : fields);
  }

  /** The node this configuration belongs to (the object's name). */
  public String node() {
    return object.name();
  }

  /** The value at {@code path} (dot-separated), or its default when absent. */
  public KubeletSetting setting(String path) {
    Object value = lookup(path);
    if (value != null) {
      return new KubeletSetting(path, value, true);
    }
    return new KubeletSetting(path, KubeletDefaults.of(path), false);
  }

  /** A finding on this configuration at the setting's field. */
  public Violation violation(KubeletSetting s, String message) {
    return Violation.of(object, s.field(), message).withValue(s.display());
  }

  /** {@code kubelet on worker-3}, how messages name it. */
  public String name() {
    return "the kubelet on " + node();
  }

  @SuppressWarnings("unchecked")
  private Object lookup(String path) {
    Object current = fields;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(key);
    }
    return current;
  }
}
