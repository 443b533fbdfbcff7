package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-pod-exec",
    title = "Subject can exec into, attach to or port-forward to pods",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1609"},
    why =
        """
        A shell in a running container yields everything the container holds: its mounted \
        service-account token, Secrets in files and environment variables, and its network \
        position. attach and debug (ephemeral) containers do the same; port-forward reaches ports \
        that no Service or NetworkPolicy exposes.""",
    remediation =
        """
        Grant pods/exec, pods/attach, pods/portforward and pods/ephemeralcontainers only for \
        break-glass access, to named people, in the namespaces they operate, and audit their use.""",
    notes =
        """
        Both create and get count: until Kubernetes 1.31 a WebSocket exec was authorized with get \
        on pods/exec. Bindings that grant everything are left to cluster-admin-binding, and roles \
        that nobody is bound to yet to rbac-unbound-pod-exec-role. Differences from Polaris' \
        clusterrolebindingPodExecAttach, rolebindingClusterRolePodExecAttach and \
        rolebindingRolePodExecAttach: a binding to a role that does not exist grants nothing, as \
        in the authorizer (rbac-binding-to-missing-role reports the dangling reference), where \
        Polaris fails it; a binding with a built-in name (cluster-admin, \
        system:controller:generic-garbage-collector, ...) that names an ordinary subject is \
        reported for that subject, where Polaris exempts it by name; and a role that grants \
        everything is reported once, by cluster-admin-binding, rather than here too. Polaris \
        does not count port-forward or debug containers; Rampart does.""")
public final class PodExecGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "exec into, attach to or port-forward to pods";
  }

  /** Exec, attach, port-forward and debug containers, by every verb that authorizes them. */
  static final List<Request> REQUESTS =
      List.of(
          request("create", "", "pods", "exec"),
          request("get", "", "pods", "exec"),
          request("create", "", "pods", "attach"),
          request("get", "", "pods", "attach"),
          request("create", "", "pods", "portforward"),
          request("get", "", "pods", "portforward"),
          request("patch", "", "pods", "ephemeralcontainers"),
          request("update", "", "pods", "ephemeralcontainers"));

  @Override
  protected List<Request> requests() {
    return REQUESTS;
  }
}
