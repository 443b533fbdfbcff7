package dev.rampart.checks.workload;

import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A hostPath volume of a pod, with its path normalized ({@code //var/run/} is {@code /var/run}) and
 * the containers that mount it.
 *
 * @param path the path as written
 * @param normalized the absolute path with {@code .}, {@code ..} and repeated slashes resolved
 */
record HostDirectory(
    Workload workload,
    int index,
    String name,
    String path,
    String normalized,
    List<String> mountedBy,
    boolean readOnly) {

  /** The hostPath volumes of {@code w} with an absolute Linux path. */
  static List<HostDirectory> of(Workload w) {
    List<Volume> volumes = w.spec().getVolumes();
    List<HostDirectory> result = new ArrayList<>();
    if (volumes == null) {
      return result;
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v.getHostPath() == null || v.getHostPath().getPath() == null) {
        continue;
      }
      String normalized = normalize(v.getHostPath().getPath());
      if (normalized == null) {
        continue;
      }
      List<String> mountedBy = new ArrayList<>();
      boolean readOnly = true;
      for (ContainerView c : w.containers()) {
        for (VolumeMount m : c.volumeMounts()) {
          if (v.getName() != null && v.getName().equals(m.getName())) {
            mountedBy.add(c.name());
            readOnly &= Boolean.TRUE.equals(m.getReadOnly());
          }
        }
      }
      result.add(
          new HostDirectory(
              w,
              i,
              v.getName(),
              v.getHostPath().getPath(),
              normalized,
              List.copyOf(mountedBy),
              readOnly && !mountedBy.isEmpty()));
    }
    return result;
  }

  /** The normalized absolute path, or null when {@code path} is not an absolute Linux path. */
  static String normalize(String path) {
    String p = path.strip();
    if (!p.startsWith("/")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** Whether {@code path} is {@code root} or lies below it. */
  static boolean isWithin(String path, String root) {
    return root.equals("/") || path.equals(root) || path.startsWith(root + "/");
  }

  /** A violation at this volume's path, saying what it exposes and who mounts it. */
  Violation violation(String exposes) {
    String mounts =
        mountedBy.isEmpty()
            ? "; no container mounts it yet"
            : "; mounted by " + String.join(", ", mountedBy) + (readOnly ? " (read-only)" : "");
    return Violation.of(
            workload.object(),
            workload.field("volumes[" + index + "].hostPath.path"),
            "hostPath volume " + name + " exposes the node's " + path + ", " + exposes + mounts)
        .withValue(path);
  }
}
