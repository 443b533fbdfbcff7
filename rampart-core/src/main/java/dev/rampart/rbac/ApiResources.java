package dev.rampart.rbac;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API group and scope of the resources RBAC rules commonly name, for reading {@code
 * RESOURCE[.GROUP][/SUBRESOURCE]} without a live discovery endpoint, and for knowing that a
 * RoleBinding cannot grant a cluster-scoped resource. Includes the virtual resources the API server
 * authorizes but does not store ({@code users}, {@code groups} and {@code userextras} for
 * impersonation, {@code signers} for certificates).
 */
public final class ApiResources {

  /** A resource's API group and whether its objects live in namespaces. */
  public record Info(String group, boolean namespaced) {}

  private static final Map<String, Info> BY_RESOURCE = new TreeMap<>();

  static {
    core(true, "pods", "secrets", "configmaps", "services", "serviceaccounts", "endpoints");
    core(true, "events", "persistentvolumeclaims", "replicationcontrollers", "limitranges");
    core(true, "resourcequotas", "podtemplates", "bindings");
    core(false, "nodes", "namespaces", "persistentvolumes", "componentstatuses", "users");
    core(false, "groups");
    add("apps", true, "deployments", "daemonsets", "statefulsets", "replicasets");
    add("apps", true, "controllerrevisions");
    add("batch", true, "jobs", "cronjobs");
    add("autoscaling", true, "horizontalpodautoscalers");
    add("policy", true, "poddisruptionbudgets");
    add("networking.k8s.io", true, "ingresses", "networkpolicies");
    add("networking.k8s.io", false, "ingressclasses");
    add("discovery.k8s.io", true, "endpointslices");
    add("coordination.k8s.io", true, "leases");
    add("rbac.authorization.k8s.io", true, "roles", "rolebindings");
    add("rbac.authorization.k8s.io", false, "clusterroles", "clusterrolebindings");
    add("storage.k8s.io", false, "storageclasses", "volumeattachments", "csidrivers", "csinodes");
    add("certificates.k8s.io", false, "certificatesigningrequests", "signers");
    add(
        "admissionregistration.k8s.io",
        false,
        "mutatingwebhookconfigurations",
        "validatingwebhookconfigurations",
        "validatingadmissionpolicies",
        "validatingadmissionpolicybindings");
    add("apiextensions.k8s.io", false, "customresourcedefinitions");
    add("apiregistration.k8s.io", false, "apiservices");
    add("authentication.k8s.io", false, "tokenreviews", "userextras", "uids");
    add("authorization.k8s.io", false, "subjectaccessreviews", "selfsubjectaccessreviews");
    add("authorization.k8s.io", true, "localsubjectaccessreviews");
    add("scheduling.k8s.io", false, "priorityclasses");
    add("node.k8s.io", false, "runtimeclasses");
  }

  private ApiResources() {}

  private static void core(boolean namespaced, String... resources) {
    add("", namespaced, resources);
  }

  private static void add(String group, boolean namespaced, String... resources) {
    for (String r : resources) {
      BY_RESOURCE.put(r, new Info(group, namespaced));
    }
  }

  public static Optional<Info> lookup(String resource) {
    return Optional.ofNullable(BY_RESOURCE.get(resource));
  }

  /** Whether the resource lives in namespaces; unknown resources are assumed to (most do). */
  public static boolean isNamespaced(String resource) {
    return lookup(resource).map(Info::namespaced).orElse(true);
  }

  /**
   * Reads what a user types after {@code who-can VERB}: {@code secrets}, {@code pods/exec}, {@code
   * deployments.apps}, {@code deployments.apps/scale}, or a non-resource URL starting with {@code
   * /}. Without a group, a well-known resource gets its own group and an unknown one matches rules
   * of any group.
   *
   * @param namespace the namespace asked about (null: cluster-wide); ignored for cluster-scoped
   *     resources, whose requests never carry one
   * @throws IllegalArgumentException when the text is not a resource
   */
  public static Request request(String verb, String resourceText, String namespace, String name) {
    String text = resourceText.strip();
    if (text.startsWith("/")) {
      return Request.nonResource(verb, text);
    }
    if (text.isEmpty() || text.contains(" ")) {
      throw new IllegalArgumentException("'" + resourceText + "' is not a resource");
    }
    String subresource = "";
    int slash = text.indexOf('/');
    if (slash >= 0) {
      subresource = text.substring(slash + 1);
      text = text.substring(0, slash);
      if (subresource.isEmpty() || subresource.contains("/") || text.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + resourceText + "' is not RESOURCE[.GROUP][/SUBRESOURCE]");
      }
    }
    String resource = text.toLowerCase(Locale.ROOT);
    String group = null;
    int dot = resource.indexOf('.');
    if (dot >= 0) {
      group = resource.substring(dot + 1);
      resource = resource.substring(0, dot);
      if (group.equals("core")) {
        group = "";
      }
    }
    Optional<Info> info = lookup(resource);
    if (group == null && info.isPresent()) {
      group = info.get().group();
    }
    boolean namespaced = info.map(Info::namespaced).orElse(true);
    return new Request(
        verb, group, resource, subresource, namespaced ? namespace : null, name, null);
  }
}
