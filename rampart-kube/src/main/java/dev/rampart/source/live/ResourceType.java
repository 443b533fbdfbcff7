package dev.rampart.source.live;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kind the live source lists: where the API serves it, and whether only its metadata is read.
 *
 * @param group the API group, empty for the core group
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param namespaced whether objects live in namespaces
 * @param metadataOnly list through the metadata-only representation (Secrets)
 */
record ResourceType(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    boolean metadataOnly) {

  static ResourceType core(String plural, String kind, boolean namespaced) {
    return new ResourceType("", "v1", plural, kind, namespaced, false);
  }

  static ResourceType of(
      String group, String version, String plural, String kind, boolean namespaced) {
    return new ResourceType(group, version, plural, kind, namespaced, false);
  }

  /** The custom resource a CRD serves, at its storage version, when it is one Rampart reads. */
  static Optional<ResourceType> servedBy(CustomResourceDefinition crd) {
    CustomResourceDefinitionSpec spec = crd.getSpec();
    if (spec == null
        || spec.getNames() == null
        || !OPTIONAL.contains(spec.getGroup() + "/" + spec.getNames().getKind())) {
      return Optional.empty();
    }
    String version = null;
    for (CustomResourceDefinitionVersion v : spec.getVersions()) {
      if (Boolean.TRUE.equals(v.getServed())
          && (version == null || Boolean.TRUE.equals(v.getStorage()))) {
        version = v.getName();
      }
    }
    return Optional.ofNullable(version)
        .map(
            served ->
                of(
                    spec.getGroup(),
                    served,
                    spec.getNames().getPlural(),
                    spec.getNames().getKind(),
                    "Namespaced".equals(spec.getScope())));
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The list URL path, in one namespace or (null) across the cluster. */
  String path(String namespace) {
    StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" : "/apis/" + group + "/");
    path.append(version);
    if (namespace != null) {
      path.append("/namespaces/").append(encode(namespace));
    }
    return path.append('/').append(plural).toString();
  }

  /** {@code deployments.apps}, as RBAC and kubectl name it. */
  String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code list secrets (metadata) in namespace shop}: the request, as a permission. */
  String request(String namespace) {
    return "list "
        + resource()
        + (metadataOnly ? " (metadata)" : "")
        + (namespace == null ? " at cluster scope" : " in namespace " + namespace);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Every built-in kind the analyses read. The file source decodes the same kinds into the same
   * classes ({@code ModelTypes}), so a check cannot tell a live object from a manifest.
   */
  static final List<ResourceType> BUILT_IN =
      List.of(
          core("namespaces", "Namespace", false),
          core("nodes", "Node", false),
          core("pods", "Pod", true),
          core("replicationcontrollers", "ReplicationController", true),
          core("services", "Service", true),
          core("endpoints", "Endpoints", true),
          core("serviceaccounts", "ServiceAccount", true),
          core("configmaps", "ConfigMap", true),
          new ResourceType("", "v1", "secrets", "Secret", true, true),
          core("persistentvolumes", "PersistentVolume", false),
          core("persistentvolumeclaims", "PersistentVolumeClaim", true),
          core("limitranges", "LimitRange", true),
          core("resourcequotas", "ResourceQuota", true),
          of("apps", "v1", "deployments", "Deployment", true),
          of("apps", "v1", "replicasets", "ReplicaSet", true),
          of("apps", "v1", "statefulsets", "StatefulSet", true),
          of("apps", "v1", "daemonsets", "DaemonSet", true),
          of("batch", "v1", "jobs", "Job", true),
          of("batch", "v1", "cronjobs", "CronJob", true),
          of("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
          of("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true),
          of("networking.k8s.io", "v1", "ingresses", "Ingress", true),
          of("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false),
          of("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true),
          of("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true),
          of("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
          of("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
          of("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
          of("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
          of("storage.k8s.io", "v1", "storageclasses", "StorageClass", false),
          of(
              "admissionregistration.k8s.io",
              "v1",
              "validatingwebhookconfigurations",
              "ValidatingWebhookConfiguration",
              false),
          of(
              "admissionregistration.k8s.io",
              "v1",
              "mutatingwebhookconfigurations",
              "MutatingWebhookConfiguration",
              false),
          of(
              "apiextensions.k8s.io",
              "v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              false));

  /**
   * Custom resources read when their CRD is installed, as {@code group/Kind}: Gateway API routes,
   * Cilium, Calico and Antrea policies, admin network policies, Trivy Operator's vulnerability
   * reports. The version and plural come from the CRD.
   */
  static final Set<String> OPTIONAL =
      Set.of(
          "gateway.networking.k8s.io/GatewayClass",
          "gateway.networking.k8s.io/Gateway",
          "gateway.networking.k8s.io/HTTPRoute",
          "gateway.networking.k8s.io/GRPCRoute",
          "gateway.networking.k8s.io/TLSRoute",
          "gateway.networking.k8s.io/TCPRoute",
          "gateway.networking.k8s.io/UDPRoute",
          "gateway.networking.k8s.io/ReferenceGrant",
          "cilium.io/CiliumNetworkPolicy",
          "cilium.io/CiliumClusterwideNetworkPolicy",
          "crd.projectcalico.org/NetworkPolicy",
          "crd.projectcalico.org/GlobalNetworkPolicy",
          "crd.antrea.io/NetworkPolicy",
          "crd.antrea.io/ClusterNetworkPolicy",
          "policy.networking.k8s.io/AdminNetworkPolicy",
          "policy.networking.k8s.io/BaselineAdminNetworkPolicy",
          "aquasecurity.github.io/VulnerabilityReport");
}
