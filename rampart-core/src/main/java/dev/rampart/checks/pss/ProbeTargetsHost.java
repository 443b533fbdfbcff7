package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

@CheckInfo(
    id = "probe-targets-host",
    title = "Probe or lifecycle hook sends the kubelet to another host",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"pss:baseline/host-probes-lifecycle", "nsa-cisa:pod-security"},
    why =
        """
        HTTP and TCP probes and lifecycle hooks are executed by the kubelet, from the node's \
        network. A host field makes the kubelet connect wherever the pod author chooses: to \
        services on the node's loopback interface, to the cloud metadata endpoint, or to hosts \
        the pod's own network policy cannot reach. Anyone who can create pods gets a blind \
        server-side request forgery primitive from the node.""",
    remediation =
        """
        Remove the host field from httpGet and tcpSocket probes and lifecycle handlers: the \
        kubelet then targets the pod's own IP address. To send a virtual-host name, set an HTTP \
        Host header in httpHeaders instead.""",
    notes =
        """
        Same semantics as the Pod Security Admission control host-probes-lifecycle (policy \
        v1.34 and later): the host of httpGet and tcpSocket in liveness, readiness and startup \
        probes and in postStart and preStop handlers must be empty; any value fails, loopback \
        addresses and localhost included. exec, grpc and sleep handlers and httpHeaders are not \
        considered. Sidecar (restartable init) containers are treated like any other.""")
public final class ProbeTargetsHost extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    Map<String, String> hosts = new LinkedHashMap<>();
    probe(hosts, "livenessProbe", c.livenessProbe());
    probe(hosts, "readinessProbe", c.readinessProbe());
    probe(hosts, "startupProbe", c.startupProbe());
    Lifecycle lifecycle = c.lifecycle();
    if (lifecycle != null) {
      handler(hosts, "lifecycle.postStart", lifecycle.getPostStart());
      handler(hosts, "lifecycle.preStop", lifecycle.getPreStop());
    }
    hosts.forEach(
        (field, host) ->
            fail.accept(
                violation(w, c, field, "container " + c.name() + " " + field + " targets " + host)
                    .withValue(host)
                    .withPatch(Patches.container(w, c, field, null))));
  }

  private static void probe(Map<String, String> hosts, String at, Probe probe) {
    if (probe != null) {
      actions(hosts, at, probe.getHttpGet(), probe.getTcpSocket());
    }
  }

  private static void handler(Map<String, String> hosts, String at, LifecycleHandler handler) {
    if (handler != null) {
      actions(hosts, at, handler.getHttpGet(), handler.getTcpSocket());
    }
  }

  private static void actions(
      Map<String, String> hosts, String at, HTTPGetAction http, TCPSocketAction tcp) {
    if (http != null && !SecurityContexts.orEmpty(http.getHost()).isEmpty()) {
      hosts.put(at + ".httpGet.host", http.getHost());
    }
    if (tcp != null && !SecurityContexts.orEmpty(tcp.getHost()).isEmpty()) {
      hosts.put(at + ".tcpSocket.host", tcp.getHost());
    }
  }
}
