package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

@CheckInfo(
    id = "restricted-volume-type",
    title = "Pod uses a volume type outside the restricted profile's list",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"pss:restricted/volume-types", "nsa-cisa:pod-security"},
    why =
        """
        Volume types other than the core ephemeral and claim-based ones make the kubelet mount \
        network or cloud storage directly on the node (NFS, iSCSI, RBD, CephFS, cloud disks, \
        FlexVolume drivers), with credentials and node-side code paths that bypass \
        PersistentVolume access control. gitRepo runs git on the node with attacker-chosen input \
        (CVE-2024-10220: command execution on the node); FlexVolume runs a node binary.""",
    remediation =
        """
        Use a PersistentVolumeClaim (backed by a CSI driver or a PersistentVolume the cluster \
        administrator provides) instead of the in-line volume source; use an init container \
        that clones into an emptyDir instead of gitRepo. Allowed in-line types: configMap, csi, \
        downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.""",
    notes =
        """
        Same semantics as the Pod Security Admission restricted control volume-types: a volume \
        with none of the allowed sources fails; its type is the first of gcePersistentDisk, \
        awsElasticBlockStore, gitRepo, nfs, iscsi, glusterfs, rbd, flexVolume, cinder, cephfs, \
        flocker, fc, azureFile, vsphereVolume, quobyte, azureDisk, photonPersistentDisk, \
        portworxVolume, scaleIO, storageos that it sets, or unknown. A volume with only a name \
        passes: the API server defaults it to emptyDir. hostPath also violates this control; it \
        is host-path-volume's finding, so that a volume is reported once.""")
public final class RestrictedVolumeType extends WorkloadCheck {

  private static final List<Function<Volume, ?>> ALLOWED =
      List.of(
          Volume::getConfigMap,
          Volume::getCsi,
          Volume::getDownwardAPI,
          Volume::getEmptyDir,
          Volume::getEphemeral,
          Volume::getImage,
          Volume::getPersistentVolumeClaim,
          Volume::getProjected,
          Volume::getSecret);

  /** In upstream's order, which names a volume that (invalidly) sets several. */
  private static final Map<String, Function<Volume, ?>> RESTRICTED = new LinkedHashMap<>();

  static {
    RESTRICTED.put("gcePersistentDisk", Volume::getGcePersistentDisk);
    RESTRICTED.put("awsElasticBlockStore", Volume::getAwsElasticBlockStore);
    RESTRICTED.put("gitRepo", Volume::getGitRepo);
    RESTRICTED.put("nfs", Volume::getNfs);
    RESTRICTED.put("iscsi", Volume::getIscsi);
    RESTRICTED.put("glusterfs", Volume::getGlusterfs);
    RESTRICTED.put("rbd", Volume::getRbd);
    RESTRICTED.put("flexVolume", Volume::getFlexVolume);
    RESTRICTED.put("cinder", Volume::getCinder);
    RESTRICTED.put("cephfs", Volume::getCephfs);
    RESTRICTED.put("flocker", Volume::getFlocker);
    RESTRICTED.put("fc", Volume::getFc);
    RESTRICTED.put("azureFile", Volume::getAzureFile);
    RESTRICTED.put("vsphereVolume", Volume::getVsphereVolume);
    RESTRICTED.put("quobyte", Volume::getQuobyte);
    RESTRICTED.put("azureDisk", Volume::getAzureDisk);
    RESTRICTED.put("photonPersistentDisk", Volume::getPhotonPersistentDisk);
    RESTRICTED.put("portworxVolume", Volume::getPortworxVolume);
    RESTRICTED.put("scaleIO", Volume::getScaleIO);
    RESTRICTED.put("storageos", Volume::getStorageos);
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    List<Volume> volumes = SecurityContexts.orEmpty(w.spec().getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v.getHostPath() != null || ALLOWED.stream().anyMatch(source -> source.apply(v) != null)) {
        continue;
      }
      String type = restrictedType(v);
      if (type != null) {
        String field = "volumes[" + i + "]" + (type.equals("unknown") ? "" : "." + type);
        fail.accept(
            Violation.of(
                    w.object(),
                    w.field(field),
                    "volume " + v.getName() + " uses restricted volume type " + type)
                .withValue(type));
      }
    }
  }

  /**
   * The volume's restricted type; {@code unknown} for a source Kubernetes does not define; null for
   * a volume with no source at all, which the API server defaults to emptyDir.
   */
  private static String restrictedType(Volume v) {
    for (Map.Entry<String, Function<Volume, ?>> type : RESTRICTED.entrySet()) {
      if (type.getValue().apply(v) != null) {
        return type.getKey();
      }
    }
    boolean otherSource = v.getAdditionalProperties().values().stream().anyMatch(x -> x != null);
    return otherSource ? "unknown" : null;
  }
}
