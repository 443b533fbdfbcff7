package dev.rampart.checks;

import dev.rampart.checks.data.PlaintextSecretInAnnotation;
import dev.rampart.checks.data.PlaintextSecretInConfigMap;
import dev.rampart.checks.data.PlaintextSecretInEnv;
import dev.rampart.checks.data.SecretAsEnvironmentVariable;
import dev.rampart.checks.network.ExposedAdminDashboard;
import dev.rampart.checks.network.IngressWithoutTls;
import dev.rampart.checks.network.NamespaceWithoutDefaultDenyEgress;
import dev.rampart.checks.network.NamespaceWithoutDefaultDenyIngress;
import dev.rampart.checks.network.NetworkPolicyAllowsAll;
import dev.rampart.checks.network.SensitivePortExposed;
import dev.rampart.checks.network.WorkloadWithoutNetworkPolicy;
import dev.rampart.checks.pss.AppArmorUnconfined;
import dev.rampart.checks.pss.CapabilitiesNotDropped;
import dev.rampart.checks.pss.DefaultCapabilityAdded;
import dev.rampart.checks.pss.HostNamespaces;
import dev.rampart.checks.pss.HostPathVolume;
import dev.rampart.checks.pss.HostPort;
import dev.rampart.checks.pss.MayRunAsRoot;
import dev.rampart.checks.pss.NonDefaultCapabilities;
import dev.rampart.checks.pss.PrivilegeEscalationAllowed;
import dev.rampart.checks.pss.PrivilegedContainer;
import dev.rampart.checks.pss.ProbeTargetsHost;
import dev.rampart.checks.pss.RestrictedVolumeType;
import dev.rampart.checks.pss.RunsAsRootUid;
import dev.rampart.checks.pss.SeLinuxCustomOptions;
import dev.rampart.checks.pss.SeccompNotSet;
import dev.rampart.checks.pss.SeccompUnconfined;
import dev.rampart.checks.pss.UnmaskedProcMount;
import dev.rampart.checks.pss.UnmaskedProcMountInUserNamespace;
import dev.rampart.checks.pss.UnsafeSysctl;
import dev.rampart.checks.pss.WindowsHostProcess;
import dev.rampart.checks.supply.ImageNotPinnedByDigest;
import dev.rampart.checks.supply.ImagePullPolicyNotAlways;
import dev.rampart.checks.supply.LatestImageTag;
import dev.rampart.checks.supply.UntrustedRegistry;
import dev.rampart.checks.workload.AutomountedServiceAccountToken;
import dev.rampart.checks.workload.ContainerRuntimeSocketMount;
import dev.rampart.checks.workload.DangerousCapabilities;
import dev.rampart.checks.workload.MissingCpuLimit;
import dev.rampart.checks.workload.MissingCpuRequest;
import dev.rampart.checks.workload.MissingLivenessProbe;
import dev.rampart.checks.workload.MissingMemoryLimit;
import dev.rampart.checks.workload.MissingMemoryRequest;
import dev.rampart.checks.workload.MissingPodDisruptionBudget;
import dev.rampart.checks.workload.MissingReadinessProbe;
import dev.rampart.checks.workload.NakedPod;
import dev.rampart.checks.workload.SensitiveHostPath;
import dev.rampart.checks.workload.SharedProcessNamespace;
import dev.rampart.checks.workload.SingleReplicaDeployment;
import dev.rampart.checks.workload.WorkloadInDefaultNamespace;
import dev.rampart.checks.workload.WritableRootFilesystem;
import java.util.List;

/** The registry: every check Rampart ships, in catalog order. */
public final class BuiltInChecks {

  private BuiltInChecks() {}

  public static List<Check> all() {
    return List.of(
        // Pod Security Standards: baseline controls, then restricted-only controls.
        new PrivilegedContainer(),
        new HostNamespaces(),
        new HostPathVolume(),
        new HostPort(),
        new NonDefaultCapabilities(),
        new AppArmorUnconfined(),
        new SeLinuxCustomOptions(),
        new UnmaskedProcMount(),
        new SeccompUnconfined(),
        new UnsafeSysctl(),
        new WindowsHostProcess(),
        new ProbeTargetsHost(),
        new RestrictedVolumeType(),
        new PrivilegeEscalationAllowed(),
        new MayRunAsRoot(),
        new RunsAsRootUid(),
        new SeccompNotSet(),
        new CapabilitiesNotDropped(),
        new DefaultCapabilityAdded(),
        new UnmaskedProcMountInUserNamespace(),
        // Workload hardening beyond the Pod Security Standards, secrets, image supply chain.
        new ContainerRuntimeSocketMount(),
        new SensitiveHostPath(),
        new DangerousCapabilities(),
        new SharedProcessNamespace(),
        new WritableRootFilesystem(),
        new AutomountedServiceAccountToken(),
        new MissingMemoryLimit(),
        new MissingCpuLimit(),
        new MissingMemoryRequest(),
        new MissingCpuRequest(),
        new MissingLivenessProbe(),
        new MissingReadinessProbe(),
        new NakedPod(),
        new WorkloadInDefaultNamespace(),
        new SingleReplicaDeployment(),
        new MissingPodDisruptionBudget(),
        new PlaintextSecretInEnv(),
        new PlaintextSecretInConfigMap(),
        new PlaintextSecretInAnnotation(),
        new SecretAsEnvironmentVariable(),
        new UntrustedRegistry(),
        new LatestImageTag(),
        new ImagePullPolicyNotAlways(),
        new ImageNotPinnedByDigest(),
        // Network: isolation, exposure, reachability.
        new NamespaceWithoutDefaultDenyIngress(),
        new NamespaceWithoutDefaultDenyEgress(),
        new WorkloadWithoutNetworkPolicy(),
        new NetworkPolicyAllowsAll(),
        new SensitivePortExposed(),
        new ExposedAdminDashboard(),
        new IngressWithoutTls());
  }
}
