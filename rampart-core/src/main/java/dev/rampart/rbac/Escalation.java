package dev.rampart.rbac;

import java.util.List;

/**
 * How a subject is, or becomes in one step, cluster-admin: the technique and the chain of grants
 * that proves it, step by step (what the subject can do, then why that makes it cluster-admin).
 *
 * @param summary one line, e.g. {@code create pods in namespace kube-system running as
 *     ServiceAccount kube-system/legacy-admin}
 */
public record Escalation(Subject subject, Technique technique, String summary, List<Step> chain) {

  public Escalation {
    chain = List.copyOf(chain);
  }

  /** The ways to cluster-admin Rampart recognises. */
  public enum Technique {
    /** Every verb on every resource of every group, cluster-wide. */
    WILDCARD_GRANT(true),
    /** Member of {@code system:masters}, which the API server lets do anything. */
    SYSTEM_MASTERS(true),
    /** Bind an admin ClusterRole to oneself (bind, plus create or update ClusterRoleBindings). */
    BIND(false),
    /** Add any permission to a ClusterRole one is bound to (escalate, plus update). */
    ESCALATE(false),
    /** Impersonate an admin user, group or service account. */
    IMPERSONATE(false),
    /** Create or change a pod or workload that runs as an admin service account. */
    CREATE_WORKLOAD(false),
    /** Exec, attach or add a debug container to a running pod that holds an admin token. */
    EXEC(false),
    /** Run commands in any pod through the kubelet API, among them pods with admin tokens. */
    NODE_PROXY(false),
    /** Request a token for an admin service account. */
    TOKEN_CREATE(false),
    /** Read the long-lived token Secret of an admin service account. */
    TOKEN_SECRET_READ(false),
    /** Create and approve a client certificate for {@code system:masters}. */
    CSR_APPROVAL(false),
    /** Register a mutating admission webhook that rewrites every object written. */
    MUTATING_WEBHOOK(false);

    private final boolean direct;

    Technique(boolean direct) {
      this.direct = direct;
    }

    public boolean isDirect() {
      return direct;
    }
  }

  /**
   * One link of the chain: what is possible, and the grants that allow it (empty for facts that
   * need no grant, such as {@code system:masters}).
   */
  public record Step(String description, List<Grant> grants) {
    public Step {
      grants = List.copyOf(grants);
    }
  }

  public boolean isDirect() {
    return technique.isDirect();
  }

  /** The grants the subject itself holds that start the chain. */
  public List<Grant> enablingGrants() {
    return chain.isEmpty() ? List.of() : chain.get(0).grants();
  }
}
