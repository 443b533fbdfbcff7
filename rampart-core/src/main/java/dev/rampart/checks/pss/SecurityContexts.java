package dev.rampart.checks.pss;

import dev.rampart.checks.Patch;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads pod and container security contexts the way Pod Security Admission does: a missing
 * securityContext, a missing field and an explicit {@code null} are all "not set"; an empty object
 * such as {@code seccompProfile: {}} is set (with an empty type).
 */
final class SecurityContexts {

  private SecurityContexts() {}

  /** Where a security-context field is set: the pod ({@code container} null) or one container. */
  record Site(Workload workload, ContainerView container) {

    static Site pod(Workload w) {
      return new Site(w, null);
    }

    String describe() {
      return container == null ? "pod" : "container " + container.name();
    }

    /** The JSON path of {@code relative} inside this site's securityContext. */
    String field(String relative) {
      String path = "securityContext." + relative;
      return container == null ? workload.field(path) : container.field(path);
    }

    Violation violation(String relative, String message) {
      Violation v = Violation.of(workload.object(), field(relative), message);
      return container == null ? v : v.inContainer(container.name());
    }

    /** Sets {@code relative} inside this site's securityContext ({@code null} removes it). */
    Patch patch(String relative, Object value) {
      String path = "securityContext." + relative;
      return container == null
          ? Patches.pod(workload, path, value)
          : Patches.container(workload, container, path, value);
    }
  }

  /** A value set explicitly at a site. */
  record Setting<T>(Site site, T value) {}

  /** A field that both the pod and the container securityContext carry, e.g. seccompProfile. */
  record Field<T>(Function<PodSecurityContext, T> pod, Function<SecurityContext, T> container) {

    /** Every explicit (non-null) value: the pod's first, then each container's. */
    List<Setting<T>> settings(Workload w) {
      List<Setting<T>> settings = new ArrayList<>();
      T atPod = SecurityContexts.pod(w, pod);
      if (atPod != null) {
        settings.add(new Setting<>(Site.pod(w), atPod));
      }
      for (ContainerView c : w.containers()) {
        T atContainer = SecurityContexts.container(c, container);
        if (atContainer != null) {
          settings.add(new Setting<>(new Site(w, c), atContainer));
        }
      }
      return settings;
    }
  }

  /** A pod-level field, or null when the pod has no securityContext. */
  static <T> T pod(Workload w, Function<PodSecurityContext, T> getter) {
    PodSecurityContext sc = w.spec().getSecurityContext();
    return sc == null ? null : getter.apply(sc);
  }

  /** A container-level field, or null when the container has no securityContext. */
  static <T> T container(ContainerView c, Function<SecurityContext, T> getter) {
    SecurityContext sc = c.securityContext();
    return sc == null ? null : getter.apply(sc);
  }

  /** The names of the containers that do not set a field themselves. */
  static List<String> containersWithout(Workload w, Function<SecurityContext, ?> getter) {
    return w.containers().stream()
        .filter(c -> container(c, getter) == null)
        .map(ContainerView::name)
        .toList();
  }

  /** {@code spec.os.name: windows}, exactly: the exemption of three restricted controls. */
  static boolean isWindows(Workload w) {
    return w.spec().getOs() != null && "windows".equals(w.spec().getOs().getName());
  }

  /**
   * {@code hostUsers: false}, explicitly: the pod runs in its own user namespace, so root inside is
   * an unprivileged user on the node. Pod Security Admission relaxes proc-mount (baseline),
   * running-as-non-root and running-as-non-root-user for such pods since policy v1.35.
   */
  static boolean inUserNamespace(Workload w) {
    return Boolean.FALSE.equals(w.spec().getHostUsers());
  }

  /**
   * "neither the pod nor container a sets {@code what}" or "neither the pod nor containers a, b set
   * {@code what}": the message when a value required of every container comes from nowhere.
   */
  static String neitherPodNor(List<String> containers, String what) {
    return containers.size() == 1
        ? "neither the pod nor container " + containers.get(0) + " sets " + what
        : "neither the pod nor containers " + String.join(", ", containers) + " set " + what;
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
