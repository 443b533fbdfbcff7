package dev.rampart.checks;

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
import dev.rampart.checks.rbac.BindOrEscalateGrant;
import dev.rampart.checks.rbac.BindingToMissingRole;
import dev.rampart.checks.rbac.BindingToMissingServiceAccount;
import dev.rampart.checks.rbac.ClusterAdminBinding;
import dev.rampart.checks.rbac.CsrApprovalGrant;
import dev.rampart.checks.rbac.DefaultServiceAccountGrant;
import dev.rampart.checks.rbac.EscalationToClusterAdmin;
import dev.rampart.checks.rbac.EveryoneGrant;
import dev.rampart.checks.rbac.ImpersonateGrant;
import dev.rampart.checks.rbac.LongLivedTokenSecret;
import dev.rampart.checks.rbac.NodeProxyGrant;
import dev.rampart.checks.rbac.PersistentVolumeCreationGrant;
import dev.rampart.checks.rbac.PodExecGrant;
import dev.rampart.checks.rbac.SecretsReadGrant;
import dev.rampart.checks.rbac.TokenCreationGrant;
import dev.rampart.checks.rbac.WebhookConfigurationGrant;
import dev.rampart.checks.rbac.WildcardRule;
import dev.rampart.checks.rbac.WorkloadCreationGrant;
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
        // RBAC and identities: cluster-admin and escalation first, then risky grants, hygiene.
        new ClusterAdminBinding(),
        new EscalationToClusterAdmin(),
        new EveryoneGrant(),
        new BindOrEscalateGrant(),
        new ImpersonateGrant(),
        new SecretsReadGrant(),
        new WorkloadCreationGrant(),
        new PodExecGrant(),
        new NodeProxyGrant(),
        new TokenCreationGrant(),
        new CsrApprovalGrant(),
        new WebhookConfigurationGrant(),
        new PersistentVolumeCreationGrant(),
        new WildcardRule(),
        new DefaultServiceAccountGrant(),
        new LongLivedTokenSecret(),
        new BindingToMissingRole(),
        new BindingToMissingServiceAccount());
  }
}
