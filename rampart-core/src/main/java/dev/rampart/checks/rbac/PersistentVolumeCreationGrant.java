package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-create-persistent-volumes",
    title = "Subject can create PersistentVolumes",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.9", "nsa-cisa:authentication-authorization", "mitre:t1611"},
    why =
        """
        A PersistentVolume may point at a hostPath; a pod that claims it mounts that node \
        directory (the kubelet's credentials, the container runtime's socket) whatever Pod \
        Security Admission says about hostPath volumes in pods.""",
    remediation =
        """
        Provision volumes dynamically through StorageClasses and PersistentVolumeClaims; leave \
        PersistentVolume creation to storage administrators and CSI provisioners.""")
public final class PersistentVolumeCreationGrant extends RiskyGrantCheck {

  @Override
  protected String permission() {
    return "create PersistentVolumes";
  }

  @Override
  protected List<Request> requests() {
    return List.of(request("create", "", "persistentvolumes"));
  }
}
