package dev.rampart.source.live;

import dev.rampart.snapshot.Gap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a read that failed is told: the permission or API that is missing, in the user's terms. */
final class Gaps {

  private static final Pattern USER = Pattern.compile("User \"([^\"]*)\"");

  private Gaps() {}

  /** A list that failed (a 401 is the caller's: it ends the read). */
  static Gap of(ResourceType type, String namespace, ApiException e) {
    String request = type.request(namespace);
    if (e.isForbidden()) {
      return gap(type, namespace, Gap.Cause.FORBIDDEN, request + ": " + forbiddenFor(e));
    }
    if (e.isNotFound()) {
      return gap(
          type,
          namespace,
          Gap.Cause.NOT_SERVED,
          request + ": the API server does not serve " + type.apiVersion() + " " + type.plural());
    }
    if (e.code() == 406 && type.metadataOnly()) {
      return gap(
          type,
          namespace,
          Gap.Cause.NOT_SERVED,
          request
              + ": the API server cannot list metadata only (406 Not Acceptable); not read rather"
              + " than read with the data");
    }
    return gap(type, namespace, Gap.Cause.FAILED, request + ": " + said(e));
  }

  /** The node proxy refused: one gap for every kubelet. */
  static Gap kubeletsForbidden(ApiException e) {
    return new Gap(
        Kubelets.API_VERSION,
        Kubelets.KIND,
        null,
        Gap.Cause.FORBIDDEN,
        Kubelets.request() + ": " + forbiddenFor(e));
  }

  /** Without the nodes, which kubelets to ask is unknown. */
  static Gap kubeletsUnknown(Gap nodes) {
    return new Gap(
        Kubelets.API_VERSION,
        Kubelets.KIND,
        null,
        nodes.cause(),
        "the nodes whose kubelets to ask are unknown: " + nodes.message());
  }

  /** Without the CRDs, whether the optional APIs exist is unknown. */
  static List<Gap> customResourcesUnknown(Gap crds) {
    List<Gap> gaps = new ArrayList<>();
    for (String wanted : new TreeSet<>(ResourceType.OPTIONAL)) {
      int slash = wanted.indexOf('/');
      gaps.add(
          new Gap(
              wanted.substring(0, slash),
              wanted.substring(slash + 1),
              null,
              crds.cause(),
              "whether the cluster serves it is unknown: " + crds.message()));
    }
    return gaps;
  }

  /** One line for many nodes: a cluster of a thousand nodes without configz is one warning. */
  static String kubeletsUnread(List<String> nodes, String why) {
    if (nodes.size() == 1) {
      return "the kubelet configuration of node " + nodes.get(0) + " not read: " + why;
    }
    String names =
        nodes.size() <= 3
            ? String.join(", ", nodes)
            : String.join(", ", nodes.subList(0, 3)) + " and " + (nodes.size() - 3) + " more";
    return "the kubelet configuration of "
        + nodes.size()
        + " nodes ("
        + names
        + ") not read: "
        + why;
  }

  /** What the server said, and after how many attempts. */
  static String said(ApiException e) {
    return e.getMessage() + (e.attempts() > 1 ? " (after " + e.attempts() + " attempts)" : "");
  }

  /** {@code forbidden for system:serviceaccount:rampart:scanner}, or the server's words. */
  private static String forbiddenFor(ApiException e) {
    String message = e.serverMessage();
    Matcher user = message == null ? null : USER.matcher(message);
    if (user != null && user.find()) {
      return "forbidden for " + user.group(1);
    }
    return message == null ? "forbidden" : "forbidden (" + message + ")";
  }

  private static Gap gap(ResourceType type, String namespace, Gap.Cause cause, String message) {
    return new Gap(type.apiVersion(), type.kind(), namespace, cause, message);
  }
}
