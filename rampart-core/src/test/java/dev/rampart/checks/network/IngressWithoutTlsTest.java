package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class IngressWithoutTlsTest {

  @Test
  void flagsIngressesWithHostsNoTlsEntryCovers() {
    CheckTester t =
        CheckTester.run(
                new IngressWithoutTls(),
                """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: hooks
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/ssl-redirect: "false"
                rampart.test/expect: ingress-without-tls
            spec:
              rules:
              - host: hooks.example.com
                http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: half
              namespace: shop
              annotations: {rampart.test/expect: ingress-without-tls}
            spec:
              tls: [{hosts: [shop.example.com], secretName: shop-tls}]
              rules:
              - host: shop.example.com
              - host: admin.example.com
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: wildcard, namespace: shop}
            spec:
              tls: [{hosts: ["*.example.com"], secretName: wildcard}]
              rules:
              - host: api.example.com
              - host: www.example.com
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: too-deep
              namespace: shop
              annotations: {rampart.test/expect: ingress-without-tls}
            spec:
              tls: [{hosts: ["*.example.com"], secretName: wildcard}]
              rules:
              - host: a.b.example.com
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: default-cert, namespace: shop}
            spec:
              tls: [{secretName: default}]
              rules:
              - host: anything.example.org
            """)
            .assertExpectations();
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("hooks"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "no TLS: hooks.example.com served over plain HTTP (ssl-redirect is"
                            + " switched off)"));
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("half"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence().value()).isEqualTo("admin.example.com"));
  }
}
