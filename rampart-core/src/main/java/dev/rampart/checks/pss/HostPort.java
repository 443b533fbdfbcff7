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
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

@CheckInfo(
    id = "host-port",
    title = "Container binds a port on the node (hostPort)",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"pss:baseline/host-ports", "cis-k8s-1.9:5.2.13", "nsa-cisa:pod-security"},
    why =
        """
        A hostPort publishes the container on the node's own IP address: it is reachable from \
        anywhere that can reach the node, bypassing Services and load balancers, and whether \
        NetworkPolicy still applies depends on the network plugin. It also ties the pod to \
        nodes where that port is free and lets a pod claim a port that node services or other \
        tenants expect to own.""",
    remediation =
        """
        Remove hostPort from the container's ports and expose the port through a Service \
        (ClusterIP, NodePort or LoadBalancer) or an Ingress / Gateway route, where access can be \
        controlled.""",
    notes =
        """
        Same semantics as the Pod Security Admission control host-ports: any non-zero hostPort \
        fails, in regular, init and ephemeral containers; 0 and an absent hostPort pass. \
        Upstream allows no range of ports; neither does this check.""")
public final class HostPort extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    List<ContainerPort> ports = c.ports();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      Integer hostPort = port.getHostPort();
      if (hostPort != null && hostPort != 0) {
        // Strategic merge matches ports by containerPort; a null value deletes hostPort.
        Map<String, Object> unset = new LinkedHashMap<>();
        unset.put("containerPort", port.getContainerPort());
        unset.put("hostPort", null);
        fail.accept(
            violation(
                    w,
                    c,
                    "ports[" + i + "].hostPort",
                    "container " + c.name() + " binds hostPort " + hostPort)
                .withValue(hostPort)
                .withPatch(Patches.container(w, c, "ports", List.of(unset))));
      }
    }
  }
}
