package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-insecure-port",
    title = "API server serves an unauthenticated HTTP port",
    severity = Severity.CRITICAL,
    category = Category.CONTROL_PLANE,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1190"},
    why =
        """
        The insecure port skips authentication and authorization altogether: every request is \
        cluster-admin. Bound to localhost it is still reachable from every hostNetwork pod on the \
        control-plane node, and from neighbours through CVE-2020-8558.""",
    remediation =
        """
        Set --insecure-port=0 on kube-apiserver (Kubernetes before 1.24) and upgrade: the flag was \
        removed in 1.24.""",
    notes =
        """
        Version-dependent default: before Kubernetes 1.20 an absent --insecure-port meant 8080 on \
        127.0.0.1; from 1.20 it meant 0; from 1.24 the port no longer exists and the check passes. \
        The version comes from the kube-apiserver image tag. Earlier CIS benchmarks had this control \
        (1.2.19 in CIS 1.6); CIS 1.9 dropped it with the flag.""")
public final class ApiServerInsecurePort extends ControlPlaneCheck {

  public ApiServerInsecurePort() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (pod.version() != null && pod.version().isAtLeast(1, 24)) {
      return;
    }
    Setting port = pod.setting("insecure-port");
    if (port.isSet() && !port.value().strip().equals("0")) {
      Setting bind = pod.setting("insecure-bind-address");
      fail.accept(
          pod.violation(
              port,
              pod.name()
                  + " serves unauthenticated HTTP: "
                  + port.describe()
                  + (pod.version() == null ? " (version unknown)" : " for " + pod.version())
                  + ", on "
                  + (bind.isSet() ? bind.value() : "127.0.0.1")));
    }
  }
}
