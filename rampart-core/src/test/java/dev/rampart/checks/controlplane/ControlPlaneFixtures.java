package dev.rampart.checks.controlplane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static (mirror) pods of the control plane for check tests: a hardened kubeadm configuration that
 * passes every control-plane check, changed flag by flag. An override {@code --flag=value} replaces
 * or adds the flag, {@code !flag} removes it.
 */
public final class ControlPlaneFixtures {

  public static final String KUBERNETES = "v1.33.5";

  public static final List<String> API_SERVER =
      List.of(
          "--advertise-address=10.0.0.10",
          "--allow-privileged=true",
          "--anonymous-auth=false",
          "--authorization-mode=Node,RBAC",
          "--client-ca-file=/etc/kubernetes/pki/ca.crt",
          "--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs",
          "--admission-control-config-file=/etc/kubernetes/admission.yaml",
          "--audit-log-path=/var/log/kubernetes/audit/audit.log",
          "--audit-log-maxage=30",
          "--audit-log-maxbackup=10",
          "--audit-log-maxsize=100",
          "--audit-policy-file=/etc/kubernetes/audit-policy.yaml",
          "--encryption-provider-config=/etc/kubernetes/encryption.yaml",
          "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
          "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
          "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
          "--etcd-servers=https://127.0.0.1:2379",
          "--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
          "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
          "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
          "--profiling=false",
          "--secure-port=6443",
          "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
          "--service-account-lookup=true",
          "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
          "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
          "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
          "--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "--tls-min-version=VersionTLS12");

  public static final List<String> CONTROLLER_MANAGER =
      List.of(
          "--bind-address=127.0.0.1",
          "--feature-gates=RotateKubeletServerCertificate=true",
          "--kubeconfig=/etc/kubernetes/controller-manager.conf",
          "--profiling=false",
          "--root-ca-file=/etc/kubernetes/pki/ca.crt",
          "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
          "--terminated-pod-gc-threshold=100",
          "--use-service-account-credentials=true");

  public static final List<String> SCHEDULER =
      List.of(
          "--bind-address=127.0.0.1",
          "--kubeconfig=/etc/kubernetes/scheduler.conf",
          "--profiling=false");

  public static final List<String> ETCD =
      List.of(
          "--advertise-client-urls=https://10.0.0.10:2379",
          "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
          "--client-cert-auth=true",
          "--data-dir=/var/lib/etcd",
          "--initial-advertise-peer-urls=https://10.0.0.10:2380",
          "--key-file=/etc/kubernetes/pki/etcd/server.key",
          "--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379",
          "--listen-metrics-urls=http://127.0.0.1:2381",
          "--listen-peer-urls=https://10.0.0.10:2380",
          "--name=cp-1",
          "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
          "--peer-client-cert-auth=true",
          "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
          "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
          "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt");

  private ControlPlaneFixtures() {}

  public static String apiServer(String name, String expect, String... overrides) {
    return pod(Component.KUBE_APISERVER, name, expect, KUBERNETES, API_SERVER, overrides);
  }

  public static String controllerManager(String name, String expect, String... overrides) {
    return pod(
        Component.KUBE_CONTROLLER_MANAGER, name, expect, KUBERNETES, CONTROLLER_MANAGER, overrides);
  }

  public static String scheduler(String name, String expect, String... overrides) {
    return pod(Component.KUBE_SCHEDULER, name, expect, KUBERNETES, SCHEDULER, overrides);
  }

  public static String etcd(String name, String expect, String... overrides) {
    return pod(Component.ETCD, name, expect, "3.5.21-0", ETCD, overrides);
  }

  /** A static pod of {@code component} whose command is the binary and the changed flags. */
  public static String pod(
      Component component,
      String name,
      String expect,
      String tag,
      List<String> base,
      String... overrides) {
    List<String> flags = flags(base, overrides);
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Pod\nmetadata:\n")
        .append("  name: ")
        .append(name)
        .append("\n  namespace: kube-system\n")
        .append("  labels: {component: ")
        .append(component.id())
        .append(", tier: control-plane}\n")
        .append("  annotations:\n    kubernetes.io/config.mirror: 0123456789abcdef\n");
    if (expect != null) {
      yaml.append("    rampart.test/expect: ").append(expect).append('\n');
    }
    yaml.append("spec:\n  hostNetwork: true\n  containers:\n  - name: ")
        .append(component.id())
        .append("\n    image: registry.k8s.io/")
        .append(component.id())
        .append(':')
        .append(tag)
        .append("\n    command:\n    - ")
        .append(component.id())
        .append('\n');
    for (String flag : flags) {
      yaml.append("    - \"").append(flag.replace("\"", "\\\"")).append("\"\n");
    }
    return yaml.toString();
  }

  static List<String> flags(List<String> base, String... overrides) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String flag : base) {
      byName.put(name(flag), flag);
    }
    for (String o : overrides) {
      if (o.startsWith("!")) {
        byName.remove(o.substring(1));
      } else {
        byName.put(name(o), o);
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static String name(String flag) {
    String body = flag.replaceFirst("^-+", "");
    int eq = body.indexOf('=');
    return eq < 0 ? body : body.substring(0, eq);
  }

  /** Documents joined into one multi-document YAML stream. */
  public static String yaml(String... documents) {
    return String.join("---\n", documents);
  }
}
