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

  /** The verbs with which every kind of object is read and written. */
  public static final List<String> STANDARD_VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

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

  /**
   * Whether the rules, together, allow every standard verb ({@link #STANDARD_VERBS}, or {@code *})
   * on every resource and subresource of every API group, on any object. Whoever holds that may
   * read every Secret and create or rewrite any object, pods in any namespace with any service
   * account, tokens and webhook configurations included: an administrator in all but name, even
   * without {@code bind}, {@code escalate} or {@code impersonate}. True of every role one of whose
   * rules {@link Rule#grantsEverything() grants everything}.
   */
  public boolean controlsEveryObject() {
    for (String verb : STANDARD_VERBS) {
      if (rules.stream().noneMatch(r -> r.coversEveryObject() && r.verbMatches(verb))) {
        return false;
      }
    }
    return true;
  }

  /** {@code ClusterRole/name} or {@code Role/namespace/name}. */
  public String display() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }
}
