package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import java.util.List;

/**
 * A Role or ClusterRole with its effective rules: for an aggregated ClusterRole, its own rules and
 * those of every ClusterRole its aggregation rule selects.
 *
 * @param namespace the Role's namespace; null for a ClusterRole
 * @param object the role as read; null when a binding refers to a role the snapshot does not have
 * @param aggregatedFrom the ClusterRoles an aggregation rule pulled rules from, by name
 */
public record Role(
    String kind,
    String namespace,
    String name,
    KubeObject object,
    List<Rule> rules,
    List<String> aggregatedFrom) {

  public static final String ROLE = "Role";
  public static final String CLUSTER_ROLE = "ClusterRole";

  public Role {
    rules = List.copyOf(rules);
    aggregatedFrom = List.copyOf(aggregatedFrom);
  }

  static Role missing(String kind, String namespace, String name) {
    return new Role(kind, namespace, name, null, List.of(), List.of());
  }

  public boolean exists() {
    return object != null;
  }

  public boolean isClusterRole() {
    return CLUSTER_ROLE.equals(kind);
  }

  /** {@code ClusterRole/name} or {@code Role/namespace/name}. */
  public String display() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }
}
