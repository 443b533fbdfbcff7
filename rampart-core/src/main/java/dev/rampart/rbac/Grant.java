package dev.rampart.rbac;

/**
 * A permission a subject holds, and why: one rule of one role, granted by one binding to the
 * subject itself or to one of its groups.
 *
 * @param holder the subject that holds the permission
 * @param grantee the subject the binding names: the holder, or a group the holder is in
 * @param subjectIndex the index of the grantee in the binding's subjects
 */
public record Grant(
    Subject holder, Subject grantee, Binding binding, int subjectIndex, Role role, Rule rule) {

  /** The namespace the permission holds in; null for cluster-wide. */
  public String namespace() {
    return binding.namespace();
  }

  public boolean isClusterWide() {
    return binding.isClusterWide();
  }

  /** Whether the holder has it through a group rather than in its own name. */
  public boolean viaGroup() {
    return !holder.equals(grantee);
  }

  /** {@code cluster-wide} or {@code namespace NS}. */
  public String scope() {
    return isClusterWide() ? "cluster-wide" : "namespace " + namespace();
  }

  /**
   * The chain that grants it, e.g. {@code ClusterRoleBinding/x -> ClusterRole/y (aggregated from
   * ClusterRole/z) as Group g}.
   */
  public String via() {
    StringBuilder sb =
        new StringBuilder(binding.display()).append(" -> ").append(binding.roleDisplay());
    if (rule.origin() != null && !rule.origin().equals(role.name())) {
      sb.append(" (aggregated from ClusterRole/").append(rule.origin()).append(')');
    }
    if (viaGroup()) {
      sb.append(" as ").append(grantee.display());
    }
    return sb.toString();
  }
}
