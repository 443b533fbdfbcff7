package dev.rampart.rbac;

import java.util.Objects;

/**
 * A question put to the authorizer: may someone do VERB on a resource (or a non-resource URL), in a
 * namespace or cluster-wide, optionally on one named object.
 *
 * @param apiGroup the API group; {@code ""} is the core group, null means "whichever group the
 *     resource is in" (a rule of any group may then match)
 * @param subresource e.g. {@code exec} for {@code pods/exec}; empty for none
 * @param namespace the namespace of the request; null for a cluster-wide request (a cluster-scoped
 *     resource, or a namespaced one across all namespaces), which only ClusterRoleBindings grant;
 *     {@link #ANY_NAMESPACE} asks "in at least one namespace"
 * @param name the object's name; empty for requests without one (list, create, or any object)
 * @param path the URL of a non-resource request (e.g. {@code /metrics}); null for resource requests
 */
public record Request(
    String verb,
    String apiGroup,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  /**
   * A namespace no object can have (namespaces are DNS labels) that stands for "any namespace":
   * RoleBindings of every namespace then count.
   */
  public static final String ANY_NAMESPACE = "*";

  public Request {
    Objects.requireNonNull(verb, "verb");
    subresource = subresource == null ? "" : subresource;
    name = name == null ? "" : name;
    if (path == null) {
      Objects.requireNonNull(resource, "resource");
    }
  }

  public static Request resource(
      String verb, String apiGroup, String resource, String subresource, String namespace) {
    return new Request(verb, apiGroup, resource, subresource, namespace, "", null);
  }

  public static Request nonResource(String verb, String path) {
    return new Request(verb, null, null, "", null, "", path);
  }

  public Request named(String newName) {
    return new Request(verb, apiGroup, resource, subresource, namespace, newName, path);
  }

  public boolean isResourceRequest() {
    return path == null;
  }

  /** {@code resource/subresource}, the form rules name it by. */
  public String combinedResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  /** e.g. {@code get secrets in namespace payments}, {@code create pods/exec cluster-wide}. */
  public String describe() {
    if (!isResourceRequest()) {
      return verb + " " + path;
    }
    StringBuilder sb = new StringBuilder(verb).append(' ').append(combinedResource());
    if (apiGroup != null && !apiGroup.isEmpty()) {
      sb.append(" (").append(apiGroup).append(')');
    }
    if (!name.isEmpty()) {
      sb.append(" named ").append(name);
    }
    if (namespace == null) {
      sb.append(" cluster-wide");
    } else if (ANY_NAMESPACE.equals(namespace)) {
      sb.append(" in any namespace");
    } else {
      sb.append(" in namespace ").append(namespace);
    }
    return sb.toString();
  }
}
