package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {

  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: app
              image: web:1
              ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]
      """;

  private static String service(String type, String extra) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          annotations: {ANNOTATIONS}
        spec:
          type: TYPE
          selector: {app: web}
          ports: [{port: 80, targetPort: http, nodePort: 30080}]
          EXTRA
        """
        .replace("TYPE", type)
        .replace("EXTRA", extra)
        .replace("ANNOTATIONS", "");
  }

  private static Exposure exposure(String... docs) {
    return NetFixture.of(docs).network().exposure();
  }

  private static KubeObject web(Exposure e) {
    return e.snapshot().find("Deployment", "shop", "web").orElseThrow();
  }

  private static List<Route> routes(String... docs) {
    Exposure e = exposure(docs);
    return e.routes(web(e));
  }

  @Test
  void aPublicLoadBalancerIsInternetExposureToTheTargetPort() {
    Exposure e = exposure(WEB, service("LoadBalancer", ""));
    assertThat(e.level(web(e))).isEqualTo(Exposure.Level.INTERNET);
    assertThat(e.internetRoutes(web(e))).containsExactly("Service/shop/web (LoadBalancer)");
    Route r = e.routesFromInternet(web(e)).get(0);
    assertThat(r.podPorts()).isEqualTo(PortSet.port(Protocol.TCP, 8080));
    assertThat(r.exposed()).isEqualTo("80/TCP");
  }

  @Test
  void cloudAnnotationsMakeALoadBalancerInternal() {
    for (String annotation :
        List.of(
            "service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"",
            "service.beta.kubernetes.io/aws-load-balancer-scheme: internal",
            "networking.gke.io/load-balancer-type: Internal",
            "cloud.google.com/load-balancer-type: Internal",
            "service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"",
            "service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"",
            "service.kubernetes.io/qcloud-loadbalancer-internal-subnetid: subnet-123")) {
      String svc =
          service("LoadBalancer", "")
              .replace("annotations: {}", "annotations: {" + annotation + "}");
      Exposure e = exposure(WEB, svc);
      assertThat(e.level(web(e))).as(annotation).isEqualTo(Exposure.Level.CLUSTER);
      assertThat(e.routes(web(e)).get(0).reach()).isEqualTo(Route.Reach.PRIVATE_NETWORK);
      assertThat(e.routes(web(e)).get(0).note()).startsWith("internal by annotation");
    }
    String notInternal =
        service("LoadBalancer", "")
            .replace(
                "annotations: {}",
                "annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: \"false\"}");
    Exposure e = exposure(WEB, notInternal);
    assertThat(e.level(web(e))).isEqualTo(Exposure.Level.INTERNET);
  }

  @Test
  void sourceRangesNarrowTheExposure() {
    Route limited =
        routes(
                WEB,
                service("LoadBalancer", "loadBalancerSourceRanges: [203.0.113.0/24, 10.0.0.0/8]"))
            .get(0);
    assertThat(limited.reach()).isEqualTo(Route.Reach.INTERNET);
    assertThat(limited.describe())
        .isEqualTo("Service/shop/web (LoadBalancer, limited to 203.0.113.0/24, 10.0.0.0/8)");
    Route privateOnly =
        routes(
                WEB,
                service("LoadBalancer", "loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]"))
            .get(0);
    assertThat(privateOnly.reach()).isEqualTo(Route.Reach.PRIVATE_NETWORK);
    String annotated =
        service("LoadBalancer", "")
            .replace(
                "annotations: {}",
                "annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: \"172.16.0.0/12\"}");
    assertThat(routes(WEB, annotated).get(0).reach()).isEqualTo(Route.Reach.PRIVATE_NETWORK);
  }

  @Test
  void nodePortsFollowTheNodesAddresses() {
    assertThat(routes(WEB, service("NodePort", "")).get(0))
        .satisfies(
            r -> {
              assertThat(r.reach()).isEqualTo(Route.Reach.INTERNET);
              assertThat(r.exposed()).isEqualTo("node port 30080/TCP");
              assertThat(r.note()).contains("no Node in the snapshot");
            });
    String publicNode =
        """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {addresses: [{type: InternalIP, address: 10.0.0.5}, {type: ExternalIP, address: 203.0.113.5}]}
        """;
    String privateNode = publicNode.replace(", {type: ExternalIP, address: 203.0.113.5}", "");
    assertThat(routes(WEB, service("NodePort", ""), publicNode).get(0).reach())
        .isEqualTo(Route.Reach.INTERNET);
    assertThat(routes(WEB, service("NodePort", ""), privateNode).get(0).reach())
        .isEqualTo(Route.Reach.PRIVATE_NETWORK);
  }

  @Test
  void externalIpsAndClusterIps() {
    assertThat(routes(WEB, service("ClusterIP", "externalIPs: [198.51.100.7]")))
        .extracting(Route::kind, Route::reach)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Route.Kind.CLUSTER_IP, Route.Reach.CLUSTER),
            org.assertj.core.groups.Tuple.tuple(Route.Kind.EXTERNAL_IP, Route.Reach.INTERNET));
    Exposure e = exposure(WEB, service("ClusterIP", ""));
    assertThat(e.level(web(e))).isEqualTo(Exposure.Level.CLUSTER);
  }

  @Test
  void aWorkloadWithoutServiceOrPortIsNotExposed() {
    Exposure e =
        exposure(
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: shop}
            spec:
              template:
                spec:
                  containers: [{name: m, image: migrate:1}]
                  restartPolicy: Never
            """);
    KubeObject job = e.snapshot().find("Job", "shop", "migrate").orElseThrow();
    assertThat(e.level(job)).isEqualTo(Exposure.Level.NONE);
    assertThat(e.routes(job)).isEmpty();
  }

  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        namespace: shop
        annotations: {}
      spec:
        ingressClassName: nginx
        rules:
        - host: shop.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend: {service: {name: web, port: {number: 80}}}
      """;

  private static final String CONTROLLER =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: controller, namespace: ingress}
      spec:
        selector: {matchLabels: {app: ingress}}
        template:
          metadata: {labels: {app: ingress}}
          spec:
            containers:
            - name: c
              image: registry.k8s.io/ingress-nginx/controller:v1.10.0
              args: [--controller-class=k8s.io/ingress-nginx, --ingress-class=nginx]
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: nginx}
      spec: {controller: k8s.io/ingress-nginx}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: controller, namespace: ingress, annotations: {}}
      spec:
        type: LoadBalancer
        selector: {app: ingress}
        ports: [{port: 443}]
      """;

  @Test
  void anIngressExposesItsBackendsAsItsControllerIsExposed() {
    Route alone = routes(WEB, service("ClusterIP", ""), INGRESS).get(1);
    assertThat(alone.describe()).isEqualTo("Ingress/shop/web via Service web");
    assertThat(alone.reach()).isEqualTo(Route.Reach.INTERNET);
    assertThat(alone.exposed()).isEqualTo("shop.example.com");
    assertThat(alone.note()).contains("no controller");
    assertThat(routes(WEB, service("ClusterIP", ""), INGRESS, CONTROLLER).get(1))
        .satisfies(
            r -> {
              assertThat(r.reach()).isEqualTo(Route.Reach.INTERNET);
              assertThat(r.note()).isNull();
            });
    String internalController =
        CONTROLLER.replace(
            "metadata: {name: controller, namespace: ingress, annotations: {}}",
            "metadata: {name: controller, namespace: ingress, annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}}");
    assertThat(routes(WEB, service("ClusterIP", ""), INGRESS, internalController).get(1))
        .satisfies(
            r -> {
              assertThat(r.reach()).isEqualTo(Route.Reach.PRIVATE_NETWORK);
              assertThat(r.note())
                  .contains("its controller Deployment/ingress/controller is not exposed");
            });
  }

  @Test
  void ingressAnnotationsCanMakeItInternalOrNarrowIt() {
    assertThat(
            routes(
                    WEB,
                    service("ClusterIP", ""),
                    INGRESS.replace(
                        "annotations: {}",
                        "annotations: {alb.ingress.kubernetes.io/scheme: internal}"))
                .get(1)
                .reach())
        .isEqualTo(Route.Reach.PRIVATE_NETWORK);
    Route narrowed =
        routes(
                WEB,
                service("ClusterIP", ""),
                INGRESS.replace(
                    "annotations: {}",
                    "annotations: {nginx.ingress.kubernetes.io/whitelist-source-range: \"198.51.100.0/24,10.0.0.0/8\"}"))
            .get(1);
    assertThat(narrowed.reach()).isEqualTo(Route.Reach.INTERNET);
    assertThat(narrowed.sourceRanges()).containsExactly("198.51.100.0/24", "10.0.0.0/8");
  }

  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: public, namespace: infra}
      spec:
        gatewayClassName: CLASS
        listeners:
        - name: https
          port: 443
          protocol: HTTPS
          allowedRoutes: {namespaces: {from: FROM, selector: {matchLabels: {exposed: public}}}}
      """;

  private static final String HTTP_ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: web, namespace: shop}
      spec:
        parentRefs: [{name: public, namespace: infra, sectionName: SECTION}]
        hostnames: [shop.example.com]
        rules: [{backendRefs: [{name: web, port: 80}]}]
      """;

  @Test
  void gatewayApiRoutesExposeThroughTheGatewaysTheyAttachTo() {
    String svc = service("ClusterIP", "");
    String all = GATEWAY.replace("CLASS", "gke-l7-global-external-managed").replace("FROM", "All");
    String route = HTTP_ROUTE.replace("SECTION", "https");
    Route r = routes(WEB, svc, all, route).get(1);
    assertThat(r.kind()).isEqualTo(Route.Kind.GATEWAY_ROUTE);
    assertThat(r.reach()).isEqualTo(Route.Reach.INTERNET);
    assertThat(r.describe())
        .isEqualTo("HTTPRoute/shop/web via Gateway infra/public and Service web");
    assertThat(r.podPorts()).isEqualTo(PortSet.port(Protocol.TCP, 8080));
    // from: Same admits routes of the Gateway's namespace only.
    assertThat(routes(WEB, svc, all.replace("from: All", "from: Same"), route)).hasSize(1);
    // A listener that does not exist.
    assertThat(routes(WEB, svc, all, HTTP_ROUTE.replace("SECTION", "http"))).hasSize(1);
    // from: Selector matches the route's namespace labels.
    String selector = all.replace("from: All", "from: Selector");
    String labelled = NetFixture.namespace("shop", "exposed=public");
    assertThat(routes(WEB, svc, selector, route)).hasSize(1);
    assertThat(routes(WEB, svc, selector, route, labelled)).hasSize(2);
    // An internal Gateway class.
    assertThat(
            routes(WEB, svc, all.replace("gke-l7-global-external-managed", "gke-l7-rilb"), route)
                .get(1)
                .reach())
        .isEqualTo(Route.Reach.PRIVATE_NETWORK);
    // A Gateway missing from the snapshot is assumed public.
    assertThat(routes(WEB, svc, route).get(1).note()).contains("not in the snapshot");
  }

  @Test
  void aBackendInAnotherNamespaceNeedsAReferenceGrant() {
    String all = GATEWAY.replace("CLASS", "istio").replace("FROM", "All");
    String route =
        HTTP_ROUTE
            .replace("SECTION", "https")
            .replace("namespace: shop}", "namespace: edge}")
            .replace("{name: web, port: 80}", "{name: web, namespace: shop, port: 80}");
    String svc = service("ClusterIP", "");
    assertThat(routes(WEB, svc, all, route)).hasSize(1);
    String grant =
        """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: edge, namespace: shop}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
          to: [{group: "", kind: Service}]
        """;
    assertThat(routes(WEB, svc, all, route, grant)).hasSize(2);
  }

  @Test
  void hostPortsAndTheHostNetworkCount() {
    String hostPort =
        WEB.replace(
            "{name: admin, containerPort: 9000}",
            "{name: admin, containerPort: 9000, hostPort: 19000}");
    Route r = routes(hostPort).get(0);
    assertThat(r.kind()).isEqualTo(Route.Kind.HOST_PORT);
    assertThat(r.describe()).isEqualTo("hostPort 19000/TCP of Deployment/shop/web");
    assertThat(r.podPorts()).isEqualTo(PortSet.port(Protocol.TCP, 9000));
    String hostNetwork = WEB.replace("containers:", "hostNetwork: true\n      containers:");
    Route h = routes(hostNetwork).get(0);
    assertThat(h.kind()).isEqualTo(Route.Kind.HOST_NETWORK);
    assertThat(h.internet()).isTrue();
    assertThat(h.podPorts())
        .isEqualTo(PortSet.port(Protocol.TCP, 8080).union(PortSet.port(Protocol.TCP, 9000)));
  }

  @Test
  void theHostNetworkListensWhereProbesLookUnlessBoundToLoopback() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: NAME, namespace: kube-system}
        spec:
          hostNetwork: true
          containers:
          - name: c
            image: registry.k8s.io/NAME:v1.29.4
            command: [NAME, FLAG]
            livenessProbe: {httpGet: {host: PROBE_HOST, port: PORT, scheme: HTTPS}}
        """;
    Exposure e =
        exposure(
            pod.replace("NAME", "kube-scheduler")
                .replace("FLAG", "--bind-address=0.0.0.0")
                .replace("PROBE_HOST", "127.0.0.1")
                .replace("PORT", "10259"),
            pod.replace("NAME", "kube-controller-manager")
                .replace("FLAG", "--bind-address=127.0.0.1")
                .replace("PROBE_HOST", "127.0.0.1")
                .replace("PORT", "10257"),
            pod.replace("NAME", "etcd")
                .replace("FLAG", "--data-dir=/var/lib/etcd")
                .replace("PROBE_HOST", "127.0.0.1")
                .replace("PORT", "2381"),
            pod.replace("NAME", "kube-apiserver")
                .replace("FLAG", "--secure-port=6443")
                .replace("PROBE_HOST", "10.0.1.10")
                .replace("PORT", "6443"));
    java.util.function.Function<String, PortSet> ports =
        name ->
            e.routes(e.snapshot().find("Pod", "kube-system", name).orElseThrow()).get(0).podPorts();
    assertThat(ports.apply("kube-scheduler")).isEqualTo(PortSet.port(Protocol.TCP, 10259));
    assertThat(ports.apply("kube-apiserver")).isEqualTo(PortSet.port(Protocol.TCP, 6443));
    // Unknown ports: any port it listens on, with a note; no path starts there.
    assertThat(ports.apply("kube-controller-manager")).isEqualTo(PortSet.ALL);
    assertThat(ports.apply("etcd")).isEqualTo(PortSet.ALL);
  }
}
