package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A RoleBinding or ClusterRoleBinding.
 *
 * @param roleKind {@code Role} or {@code ClusterRole}, as the roleRef says
 * @param subjects the binding's subjects, index for index (so that {@code subjects[i]} points at
 *     one); an entry is null when the authorizer can never match it (an unknown kind, a service
 *     account without a namespace in a ClusterRoleBinding)
 */
public record Binding(KubeObject object, String roleKind, String roleName, List<Subject> subjects) {

  public static final String ROLE_BINDING = "RoleBinding";
  public static final String CLUSTER_ROLE_BINDING = "ClusterRoleBinding";

  public Binding {
    subjects = Collections.unmodifiableList(new java.util.ArrayList<>(subjects));
  }

  public String kind() {
    return object.kind();
  }

  public String name() {
    return object.name();
  }

  /** The namespace the binding grants in; null for a ClusterRoleBinding (cluster-wide). */
  public String namespace() {
    return isClusterWide() ? null : object.namespace();
  }

  public boolean isClusterWide() {
    return CLUSTER_ROLE_BINDING.equals(object.kind());
  }

  /**
   * Whether the binding's rules count for a request in {@code requestNamespace}: a
   * ClusterRoleBinding everywhere, a RoleBinding only for requests in its own namespace (never for
   * cluster-wide requests, which is why a RoleBinding cannot grant nodes or PersistentVolumes).
   */
  public boolean appliesIn(String requestNamespace) {
    if (isClusterWide()) {
      return true;
    }
    return requestNamespace != null
        && (Request.ANY_NAMESPACE.equals(requestNamespace)
            || requestNamespace.equals(object.namespace()));
  }

  /** The subject a JSON path such as {@code subjects[2]} points at, if it points at one. */
  public Optional<Subject> subjectAt(String path) {
    if (path == null || !path.startsWith("subjects[") || !path.endsWith("]")) {
      return Optional.empty();
    }
    try {
      int index = Integer.parseInt(path.substring("subjects[".length(), path.length() - 1));
      return index >= 0 && index < subjects.size()
          ? Optional.ofNullable(subjects.get(index))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The JSON path of subject {@code index}, where findings about it point. */
  public static String subjectPath(int index) {
    return "subjects[" + index + "]";
  }

  /** {@code ClusterRoleBinding/name} or {@code RoleBinding/namespace/name}. */
  public String display() {
    return object.ref().display();
  }

  /** {@code ClusterRole/name} or {@code Role/namespace/name}: what the roleRef names. */
  public String roleDisplay() {
    return Role.ROLE.equals(roleKind)
        ? roleKind + "/" + object.namespace() + "/" + roleName
        : roleKind + "/" + roleName;
  }
}
