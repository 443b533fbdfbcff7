package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-nodes-proxy",
    title = "Subject can reach the kubelet API through nodes/proxy",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.10", "nsa-cisa:authentication-authorization", "mitre:t1609"},
    why =
        """
        nodes/proxy forwards requests to the kubelet of any node, whose API runs commands in every \
        container on that node (exec, run) without going through pod admission or the API \
        server's audit of pods/exec.""",
    remediation =
        """
        Remove nodes/proxy; monitoring that scrapes kubelet metrics needs nodes/metrics (or \
        nodes/stats) instead.""",
    notes = "Both get and create count: the kubelet authorizes WebSocket exec with get.")
public final class NodeProxyGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "run commands on nodes through the kubelet API";
  }

  @Override
  protected List<Request> requests() {
    return verbs(List.of("get", "create"), "", "nodes", "proxy");
  }
}
