package dev.rampart.network;

import static dev.rampart.network.NetFixture.namespace;
import static dev.rampart.network.NetFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The truth table: small clusters, each with the reachability Kubernetes defines for it. Every
 * semantic of NetworkPolicy has a case here; every pod-to-pod line is also checked against the
 * grouped engine.
 */
class NetworkPolicySemanticsTest {

  private static final String A_WEB = pod("a", "web", "app=web", "http:8080");
  private static final String A_DB = pod("a", "db", "app=db", "pg:5432");
  private static final String B_API = pod("b", "api", "app=api", "http:9090");

  @Test
  void withoutPoliciesEverythingIsAllowed() {
    NetFixture.of(A_WEB, A_DB, B_API)
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            a/web -> a/db UDP/53 allow
            b/api -> a/db SCTP/7 allow
            a/db -> internet TCP/443 allow
            internet -> a/web TCP/8080 allow
            """);
  }

  @Test
  void aDefaultDenyIngressPolicyIsolatesIngressOnly() {
    NetFixture.of(
            A_WEB,
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: a}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """)
        .expect(
            """
            a/web -> a/db TCP/5432 deny
            b/api -> a/db TCP/5432 deny
            internet -> a/web TCP/8080 deny
            # egress of namespace a is not isolated; b is not isolated at all
            a/db -> b/api TCP/9090 allow
            a/db -> internet TCP/443 allow
            """);
  }

  @Test
  void aDefaultDenyEgressPolicyIsolatesEgressOnly() {
    NetFixture.of(
            A_WEB,
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny-egress, namespace: a}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """)
        .expect(
            """
            a/web -> a/db TCP/5432 deny
            a/web -> b/api TCP/9090 deny
            a/web -> internet TCP/443 deny
            b/api -> a/db TCP/5432 allow
            internet -> a/web TCP/8080 allow
            """);
  }

  @Test
  void withoutPolicyTypesIngressAlwaysAppliesAndEgressOnlyWithEgressRules() {
    // Only egress rules and no policyTypes: the policy is Ingress AND Egress, so the pod it
    // selects accepts no ingress at all.
    NetFixture.of(
            A_WEB,
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-rules-only, namespace: a}
            spec:
              podSelector: {matchLabels: {app: web}}
              egress:
              - to: [{podSelector: {matchLabels: {app: db}}}]
            """)
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            a/web -> b/api TCP/9090 deny
            a/db -> a/web TCP/8080 deny
            b/api -> a/web TCP/8080 deny
            """);
    // No egress rules (an empty list counts as none) and no policyTypes: Ingress only.
    NetFixture.of(
            A_WEB,
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: no-types, namespace: a}
            spec:
              podSelector: {matchLabels: {app: web}}
              egress: []
            """)
        .expect(
            """
            a/web -> b/api TCP/9090 allow
            b/api -> a/web TCP/8080 deny
            """);
  }

  @Test
  void policiesAddUp() {
    NetFixture.of(
            A_WEB,
            A_DB,
            B_API,
            pod("a", "batch", "app=batch"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-web, namespace: a}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 5432}]
            """,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-batch, namespace: a}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: batch}}}]
            """)
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            a/web -> a/db TCP/22 deny
            a/batch -> a/db TCP/22 allow
            b/api -> a/db TCP/5432 deny
            """);
  }

  @Test
  void aPodSelectorAlonePicksPodsOfThePolicysNamespace() {
    NetFixture.of(
            A_WEB,
            A_DB,
            pod("b", "web", "app=web"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: a}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
            """)
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            b/web -> a/db TCP/5432 deny
            """);
  }

  @Test
  void selectorsInOnePeerAreAndedAndInTwoPeersOred() {
    String cluster[] = {
      namespace("b", "team=blue"),
      namespace("c", "team=green"),
      A_DB,
      pod("b", "api", "app=api"),
      pod("b", "cron", "app=cron"),
      pod("c", "api", "app=api"),
      pod("c", "cron", "app=cron"),
      pod("a", "api", "app=api")
    };
    String and =
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: a}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from:
            - namespaceSelector: {matchLabels: {team: blue}}
              podSelector: {matchLabels: {app: api}}
        """;
    NetFixture.of(concat(cluster, and))
        .expect(
            """
            b/api -> a/db TCP/5432 allow
            b/cron -> a/db TCP/5432 deny
            c/api -> a/db TCP/5432 deny
            a/api -> a/db TCP/5432 deny
            """);
    String or =
        and.replace(
            "    podSelector: {matchLabels: {app: api}}",
            "  - podSelector: {matchLabels: {app: api}}");
    assertThat(or).isNotEqualTo(and);
    NetFixture.of(concat(cluster, or))
        .expect(
            """
            b/api -> a/db TCP/5432 allow
            b/cron -> a/db TCP/5432 allow
            c/api -> a/db TCP/5432 deny
            c/cron -> a/db TCP/5432 deny
            a/api -> a/db TCP/5432 allow
            """);
  }

  @Test
  void emptySelectorsSelectEverything() {
    String[] cluster = {A_WEB, A_DB, B_API, pod("b", "cron", "app=cron")};
    NetFixture.of(
            concat(
                cluster,
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: same-namespace, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{from: [{podSelector: {}}]}]
                """))
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            b/api -> a/db TCP/5432 deny
            """);
    NetFixture.of(
            concat(
                cluster,
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: all-namespaces, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{from: [{namespaceSelector: {}}]}]
                """))
        .expect(
            """
            a/web -> a/db TCP/5432 allow
            b/api -> a/db TCP/5432 allow
            # every pod, but not addresses outside the cluster
            internet -> a/db TCP/5432 deny
            """);
    NetFixture.of(
            concat(
                cluster,
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-anywhere, namespace: a}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}]
                """))
        .expect(
            """
            b/api -> a/db TCP/5432 allow
            b/cron -> a/db TCP/5432 deny
            a/web -> a/db TCP/5432 deny
            """);
  }

  @Test
  void emptyFromAndEmptyRuleAllowEverySource() {
    NetFixture.of(
            A_WEB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from: []
                ports: [{port: 8080}]
            """)
        .expect(
            """
            b/api -> a/web TCP/8080 allow
            internet -> a/web TCP/8080 allow
            internet -> a/web TCP/22 deny
            """);
    NetFixture.of(
            A_WEB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-all, namespace: a}
            spec:
              podSelector: {}
              ingress: [{}]
              egress: [{}]
              policyTypes: [Ingress, Egress]
            """)
        .expect(
            """
            b/api -> a/web SCTP/22 allow
            a/web -> internet UDP/53 allow
            """);
  }

  @Test
  void matchExpressionsOnPodsAndNamespaces() {
    NetFixture.of(
            namespace("prod", "env=prod,tier=web"),
            namespace("dev", "env=dev"),
            namespace("sandbox", ""),
            A_DB,
            pod("prod", "x", "app=x,track=stable"),
            pod("prod", "y", "app=y,track=canary"),
            pod("prod", "z", "app=z"),
            pod("dev", "x", "app=x,track=stable"),
            pod("sandbox", "x", "app=x,track=stable"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: a}
            spec:
              podSelector: {matchExpressions: [{key: app, operator: In, values: [db, cache]}]}
              ingress:
              - from:
                - namespaceSelector:
                    matchExpressions:
                    - {key: env, operator: Exists}
                    - {key: env, operator: NotIn, values: [dev]}
                  podSelector:
                    matchExpressions:
                    - {key: track, operator: NotIn, values: [canary]}
                - namespaceSelector:
                    matchExpressions: [{key: env, operator: DoesNotExist}]
                  podSelector:
                    matchExpressions: [{key: track, operator: Exists}]
                ports: [{port: 5432}]
            """)
        .expect(
            """
            prod/x -> a/db TCP/5432 allow
            # NotIn: an absent label passes
            prod/z -> a/db TCP/5432 allow
            prod/y -> a/db TCP/5432 deny
            dev/x -> a/db TCP/5432 deny
            # sandbox has no env label: the second peer
            sandbox/x -> a/db TCP/5432 allow
            """);
  }

  @Test
  void namespacesHaveTheirNameLabelEvenWithoutANamespaceObject() {
    NetFixture.of(
            A_DB,
            B_API,
            pod("c", "api", "app=api"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]
            """)
        .expect(
            """
            b/api -> a/db TCP/5432 allow
            c/api -> a/db TCP/5432 deny
            """);
  }

  @Test
  void ipBlocksWithExceptMatchAddressesAndPodIps() {
    String podWithIp =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: vm-bridge, namespace: b, labels: {app: bridge}}
        spec: {containers: [{name: c, image: x:1}]}
        status: {podIP: 10.2.3.4, podIPs: [{ip: 10.2.3.4}]}
        """;
    String otherPodWithIp = podWithIp.replace("vm-bridge", "other").replace("10.2.3.4", "10.9.0.1");
    NetFixture.of(
            A_DB,
            podWithIp,
            otherPodWithIp,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.9.0.0/16, 10.1.0.0/24]}
                - ipBlock: {cidr: "fd12::/16", except: ["fd12:dead::/32"]}
            """)
        .expect(
            """
            10.1.2.3 -> a/db TCP/5432 allow
            10.1.0.7 -> a/db TCP/5432 deny
            10.9.255.255 -> a/db TCP/5432 deny
            11.0.0.1 -> a/db TCP/5432 deny
            10.128.0.0/9 -> a/db TCP/5432 allow
            10.0.0.0/8 -> a/db TCP/5432 deny
            fd12:1::5 -> a/db TCP/5432 allow
            fd12:dead:beef::1 -> a/db TCP/5432 deny
            fd13::1 -> a/db TCP/5432 deny
            # only public addresses are the internet, and this block has none
            internet -> a/db TCP/5432 deny
            b/vm-bridge -> a/db TCP/5432 allow
            b/other -> a/db TCP/5432 deny
            """);
  }

  @Test
  void anIpBlockMatchesAPodWithoutKnownIpOnlyWhenItHoldsThePodNetwork() {
    String[] cluster = {
      A_DB,
      B_API,
      """
      apiVersion: v1
      kind: Node
      metadata: {name: n1}
      spec: {podCIDR: 10.244.1.0/24, podCIDRs: [10.244.1.0/24]}
      """,
      """
      apiVersion: v1
      kind: Node
      metadata: {name: n2}
      spec: {podCIDR: 10.244.2.0/24, podCIDRs: [10.244.2.0/24]}
      """
    };
    String policy =
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: a}
        spec:
          podSelector: {}
          ingress: [{from: [{ipBlock: {cidr: CIDR}}]}]
        """;
    NetFixture.of(concat(cluster, policy.replace("CIDR", "10.244.0.0/16")))
        .expect("b/api -> a/db TCP/5432 allow");
    NetFixture.of(concat(cluster, policy.replace("CIDR", "10.244.1.0/24")))
        .expect("b/api -> a/db TCP/5432 deny");
    NetFixture.of(concat(cluster, policy.replace("CIDR", "0.0.0.0/0")))
        .expect(
            """
            b/api -> a/db TCP/5432 allow
            internet -> a/db TCP/5432 allow
            """);
  }

  @Test
  void portsByNumberRangeProtocolAndName() {
    NetFixture.of(
            pod("a", "srv", "app=srv", "http:8080", "metrics:9100", "dns:53/UDP", "sig:3868/SCTP"),
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: srv, namespace: a}
            spec:
              podSelector: {matchLabels: {app: srv}}
              ingress:
              - ports:
                - {port: http}
                - {port: dns, protocol: UDP}
                - {port: metrics, protocol: UDP}
                - {port: 30000, endPort: 30010}
                - {protocol: SCTP}
                - {port: 7000, protocol: UDP}
            """)
        .expect(
            """
            b/api -> a/srv TCP/8080 allow
            b/api -> a/srv UDP/8080 deny
            b/api -> a/srv UDP/53 allow
            b/api -> a/srv TCP/53 deny
            # metrics is a TCP port: the UDP entry resolves to nothing
            b/api -> a/srv TCP/9100 deny
            b/api -> a/srv UDP/9100 deny
            b/api -> a/srv TCP/30000 allow
            b/api -> a/srv TCP/30010 allow
            b/api -> a/srv TCP/30011 deny
            b/api -> a/srv UDP/30005 deny
            b/api -> a/srv SCTP/3868 allow
            b/api -> a/srv SCTP/1 allow
            b/api -> a/srv UDP/7000 allow
            b/api -> a/srv TCP/7000 deny
            """);
  }

  @Test
  void namedPortsOfEgressRulesResolveOnTheDestination() {
    NetFixture.of(
            pod("a", "client", "app=client"),
            pod("b", "new", "app=svc", "http:8080"),
            pod("b", "old", "app=svc", "http:80"),
            pod("b", "nameless", "app=svc", "8080"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: client, namespace: a}
            spec:
              podSelector: {matchLabels: {app: client}}
              policyTypes: [Egress]
              egress:
              - to: [{namespaceSelector: {}}]
                ports: [{port: http}]
              - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                ports: [{port: http}]
            """)
        .expect(
            """
            a/client -> b/new TCP/8080 allow
            a/client -> b/new TCP/80 deny
            a/client -> b/old TCP/80 allow
            a/client -> b/old TCP/8080 deny
            a/client -> b/nameless TCP/8080 deny
            # an address outside the cluster has no named ports
            a/client -> 8.8.8.8 TCP/80 deny
            """);
  }

  @Test
  void bothTheSourcesEgressAndTheDestinationsIngressMustAllow() {
    String webEgressToDb =
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: a}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]
        """;
    String dbIngressFromApi =
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-ingress, namespace: a}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}]}]
        """;
    NetFixture.of(A_WEB, A_DB, B_API, webEgressToDb, dbIngressFromApi)
        .expect(
            """
            # egress allows, ingress does not
            a/web -> a/db TCP/5432 deny
            # ingress allows, egress not isolated
            b/api -> a/db TCP/5432 allow
            # egress does not allow this port
            a/web -> b/api TCP/9090 deny
            """);
    Decision d =
        NetFixture.of(A_WEB, A_DB, B_API, webEgressToDb, dbIngressFromApi).decide("a/web", "a/db");
    assertThat(d.egress().ports().contains(Protocol.TCP, 5432)).isTrue();
    assertThat(d.ingress().status()).isEqualTo(Side.Status.ISOLATED);
    assertThat(d.decidingPolicies(Protocol.TCP, 5432))
        .extracting(Policy::name)
        .containsExactly("db-ingress");
  }

  @Test
  void policiesOfOtherNamespacesDoNotApply() {
    NetFixture.of(
            A_WEB,
            pod("b", "web", "app=web"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: a}
            spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress]}
            """)
        .expect(
            """
            b/web -> a/web TCP/8080 deny
            a/web -> b/web TCP/8080 deny
            internet -> b/web TCP/8080 allow
            """);
  }

  @Test
  void egressToTheInternetExceptPrivateRanges() {
    NetFixture.of(
            A_WEB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: internet-only, namespace: a}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]
                ports: [{port: 443}]
            """)
        .expect(
            """
            a/web -> internet TCP/443 allow
            a/web -> 93.184.216.34 TCP/443 allow
            a/web -> 10.1.1.1 TCP/443 deny
            a/web -> internet TCP/80 deny
            # pods may have any private address: not covered
            a/web -> b/api TCP/443 deny
            """);
  }

  @Test
  void hostNetworkPodsAreNotGovernedByNetworkPolicy() {
    String agent =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: a}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              hostNetwork: true
              containers: [{name: c, image: agent:1, ports: [{containerPort: 9100}]}]
        """;
    NetFixture.of(
            agent,
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: a}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            """)
        .expect(
            """
            b/api -> a/agent TCP/9100 allow
            a/agent -> b/api TCP/9090 allow
            a/db -> a/agent TCP/9100 deny
            """);
  }

  @Test
  void invalidPeersAndPortsMatchNothing() {
    NetFixture f =
        NetFixture.of(
            A_DB,
            B_API,
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: broken, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from: [{}]
              - from: [{ipBlock: {cidr: 10.0.0.0/33}}]
              - ports: [{port: pg, endPort: 6000}]
              - ports: [{port: 5432, protocol: ICMP}]
              - from: [{podSelector: {matchExpressions: [{key: app, operator: Equals, values: [api]}]}}]
            """);
    f.expect(
        """
        b/api -> a/db TCP/5432 deny
        10.0.0.1 -> a/db TCP/5432 deny
        """);
    assertThat(f.network().policies().all().get(0).problems()).hasSize(5);
  }

  @Test
  void theCniPoliciesOfANamespaceMakeTheAnswerIncomplete() {
    NetFixture f =
        NetFixture.of(
            A_DB,
            B_API,
            """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l7, namespace: a}
            spec:
              endpointSelector: {}
            """,
            """
            apiVersion: crd.projectcalico.org/v1
            kind: NetworkPolicy
            metadata: {name: calico-ns, namespace: c}
            spec: {selector: all()}
            """);
    Decision d = f.decide("b/api", "a/db");
    assertThat(d.allowed()).isTrue();
    assertThat(d.evaluated()).isFalse();
    assertThat(d.notEvaluated())
        .containsExactly(
            "not evaluated: Cilium policy CiliumNetworkPolicy/a/l7 also applies to a/Pod/db");
    assertThat(f.network().policies().all()).isEmpty();
    assertThat(f.network().cniPolicies())
        .extracting(CniPolicy::engine)
        .containsExactlyInAnyOrder("Cilium", "Calico");
  }

  private static String[] concat(String[] cluster, String... more) {
    String[] all = new String[cluster.length + more.length];
    System.arraycopy(cluster, 0, all, 0, cluster.length);
    System.arraycopy(more, 0, all, cluster.length, more.length);
    return all;
  }
}
