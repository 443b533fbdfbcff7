package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.ArrayList;
import java.util.List;

@CheckInfo(
    id = "rbac-create-workloads",
    title = "Subject can create pods or change workload controllers",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.4", "nsa-cisa:authentication-authorization", "mitre:t1610"},
    why =
        """
        Whoever creates a pod chooses its service account, its volumes and its security context: \
        a pod that runs as any service account of the namespace acquires that account's \
        permissions, and a privileged pod or a hostPath volume reaches the node. Creating or \
        patching a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or \
        ReplicationController creates such pods through the controller.""",
    remediation =
        """
        Leave pod and workload creation to the deployment pipeline, with a service account \
        bound in the namespaces it deploys to only. Enforce Pod Security Admission (restricted) in \
        those namespaces so that created pods cannot be privileged.""")
public final class WorkloadCreationGrant extends RiskyGrantCheck {

  static final List<String[]> CONTROLLERS =
      List.of(
          new String[] {"apps", "deployments"},
          new String[] {"apps", "daemonsets"},
          new String[] {"apps", "statefulsets"},
          new String[] {"apps", "replicasets"},
          new String[] {"batch", "jobs"},
          new String[] {"batch", "cronjobs"},
          new String[] {"", "replicationcontrollers"});

  @Override
  protected String permission() {
    return "create pods or change workload controllers";
  }

  @Override
  protected List<Request> requests() {
    List<Request> requests = new ArrayList<>();
    requests.add(request("create", "", "pods"));
    for (String[] c : CONTROLLERS) {
      for (String verb : List.of("create", "update", "patch")) {
        requests.add(request(verb, c[0], c[1]));
      }
    }
    return requests;
  }
}
