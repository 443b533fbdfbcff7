package dev.rampart.source.synthetic;

import static dev.rampart.source.synthetic.Doc.list;
import static dev.rampart.source.synthetic.Doc.map;
import static dev.rampart.source.synthetic.Doc.meta;
import static dev.rampart.source.synthetic.Doc.object;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The objects around workloads: nodes and their kubelet configurations, namespaces, services,
 * ingresses, network policies, RBAC, config maps and secrets.
 */
final class Infrastructure {

  private final PodTemplates t;

  Infrastructure(PodTemplates templates) {
    this.t = templates;
  }

  Map<String, Object> node(String name, int index) {
    Map<String, Object> node =
        object(
            "v1",
            "Node",
            meta(
                name,
                null,
                Doc.labels(
                    "kubernetes.io/hostname",
                    name,
                    "kubernetes.io/os",
                    "linux",
                    "topology.kubernetes.io/zone",
                    "eu-central-1" + (char) ('a' + index % 3)),
                null));
    String ip = "10.0." + (index >> 8) + "." + (index & 255);
    String kubelet = t.roll(0.1) ? "v1.27.3" : "v1.29.4";
    node.put("spec", map("podCIDR", "10." + (64 + (index >> 8)) + "." + (index & 255) + ".0/24"));
    node.put(
        "status",
        map(
            "addresses",
            list(
                map("address", ip, "type", "InternalIP"), map("address", name, "type", "Hostname")),
            "nodeInfo",
            map(
                "kubeletVersion",
                kubelet,
                "kubeProxyVersion",
                kubelet,
                "containerRuntimeVersion",
                "containerd://1.7.13",
                "osImage",
                "Ubuntu 22.04.4 LTS",
                "kernelVersion",
                "5.15.0-1051-aws",
                "operatingSystem",
                "linux",
                "architecture",
                "amd64")));
    return node;
  }

  /** What the live source reads from {@code /api/v1/nodes/NAME/proxy/configz}. */
  Map<String, Object> kubeletConfig(String node) {
    Map<String, Object> config =
        object(
            "kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", meta(node, null, null, null));
    config.put(
        "authentication",
        map(
            "anonymous",
            map("enabled", t.roll(Rates.KUBELET_ANONYMOUS)),
            "webhook",
            map("enabled", true, "cacheTTL", "2m0s"),
            "x509",
            map("clientCAFile", "/etc/kubernetes/pki/ca.crt")));
    config.put("authorization", map("mode", "Webhook"));
    if (t.roll(Rates.KUBELET_READ_ONLY_PORT)) {
      config.put("readOnlyPort", 10255);
    }
    config.put("rotateCertificates", true);
    config.put("protectKernelDefaults", t.roll(0.5));
    config.put("streamingConnectionIdleTimeout", "4h0m0s");
    return config;
  }

  Map<String, Object> namespace(String name, Map<String, String> labels) {
    return object("v1", "Namespace", meta(name, null, labels, null));
  }

  Map<String, Object> serviceAccount(String ns, String name) {
    return object("v1", "ServiceAccount", meta(name, ns, null, null));
  }

  /**
   * A Service selecting an app's pods; LoadBalancers are public or internal by their cloud
   * annotation.
   */
  Map<String, Object> service(String ns, String app, String type, boolean internal) {
    Map<String, String> annotations =
        internal ? Map.of("service.beta.kubernetes.io/aws-load-balancer-internal", "true") : null;
    Map<String, Object> service =
        object("v1", "Service", meta(app, ns, Map.of("app", app), annotations));
    Map<String, Object> port =
        map("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP");
    if ("NodePort".equals(type)) {
      port.put("nodePort", 30000 + t.pick(new Integer[] {80, 443, 1080, 2767}));
    }
    service.put("spec", map("type", type, "selector", map("app", app), "ports", list(port)));
    return service;
  }

  Map<String, Object> ingress(String ns, String app, String team, boolean tls) {
    Map<String, Object> ingress =
        object("networking.k8s.io/v1", "Ingress", meta(app, ns, Map.of("app", app), null));
    String host = app + "." + ns + "." + team + ".example.com";
    Map<String, Object> backend = map("service", map("name", app, "port", map("number", 80)));
    ingress.put(
        "spec",
        map(
            "ingressClassName",
            "nginx",
            "tls",
            tls ? list(map("hosts", list(host), "secretName", app + "-tls")) : null,
            "rules",
            list(
                map(
                    "host",
                    host,
                    "http",
                    map(
                        "paths",
                        list(map("path", "/", "pathType", "Prefix", "backend", backend)))))));
    return ingress;
  }

  Map<String, Object> defaultDeny(String ns) {
    Map<String, Object> p =
        object("networking.k8s.io/v1", "NetworkPolicy", meta("default-deny", ns, null, null));
    p.put("spec", map("podSelector", map(), "policyTypes", list("Ingress")));
    return p;
  }

  /** Pods of the namespace talk to each other, and the ingress controller reaches them. */
  Map<String, Object> allowSameNamespaceAndIngress(String ns) {
    Map<String, Object> p =
        object("networking.k8s.io/v1", "NetworkPolicy", meta("allow-internal", ns, null, null));
    p.put(
        "spec",
        map(
            "podSelector",
            map(),
            "policyTypes",
            list("Ingress"),
            "ingress",
            list(
                map(
                    "from",
                    list(
                        map("podSelector", map()),
                        map(
                            "namespaceSelector",
                            map(
                                "matchLabels",
                                map("kubernetes.io/metadata.name", "ingress-nginx")))),
                    "ports",
                    list(map("protocol", "TCP", "port", 8080))))));
    return p;
  }

  Map<String, Object> role(String kind, String ns, String name, List<Object> rules) {
    Map<String, Object> role =
        object("rbac.authorization.k8s.io/v1", kind, meta(name, ns, null, null));
    role.put("rules", rules);
    return role;
  }

  static Map<String, Object> rule(List<Object> groups, List<Object> resources, List<Object> verbs) {
    return map("apiGroups", groups, "resources", resources, "verbs", verbs);
  }

  Map<String, Object> binding(
      String kind, String ns, String name, String roleKind, String role, List<Object> subjects) {
    Map<String, Object> b =
        object("rbac.authorization.k8s.io/v1", kind, meta(name, ns, null, null));
    b.put("roleRef", map("apiGroup", "rbac.authorization.k8s.io", "kind", roleKind, "name", role));
    b.put("subjects", subjects);
    return b;
  }

  static Map<String, Object> saSubject(String ns, String name) {
    return map("kind", "ServiceAccount", "name", name, "namespace", ns);
  }

  static Map<String, Object> groupSubject(String name) {
    return map("kind", "Group", "apiGroup", "rbac.authorization.k8s.io", "name", name);
  }

  Map<String, Object> configMap(String ns, String app, boolean leaky) {
    Map<String, Object> cm =
        object("v1", "ConfigMap", meta(app + "-config", ns, Map.of("app", app), null));
    Map<String, Object> data =
        map(
            "application.properties",
            "server.port=8080\nmanagement.port=8081\nfeature.flags=" + t.hex(6) + "\n",
            "LOG_FORMAT",
            "json");
    if (leaky) {
      // A credential pasted into a ConfigMap; obviously fake.
      data.put("DB_PASSWORD", "FAKE-not-a-real-password-" + t.hex(8));
    }
    cm.put("data", data);
    return cm;
  }

  /** A Secret with placeholder data only: the value says it is fake. */
  Map<String, Object> secret(String ns, String name, String type) {
    Map<String, Object> secret = object("v1", "Secret", meta(name, ns, null, null));
    secret.put("type", type);
    String fake = "FAKE-placeholder-" + t.hex(8);
    String encoded = Base64.getEncoder().encodeToString(fake.getBytes(StandardCharsets.UTF_8));
    secret.put(
        "data",
        "kubernetes.io/tls".equals(type)
            ? map("tls.crt", encoded, "tls.key", encoded)
            : map("password", encoded));
    return secret;
  }
}
