package dev.rampart.checks.version;

import dev.rampart.checks.CheckContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small, fixed version data and nodes for the version checks' tests. */
public final class VersionFixtures {

  public static final VersionData DATA =
      new VersionData(
          "2099.1.0",
          LocalDate.of(2099, 1, 1),
          List.of("test fixtures"),
          List.of(
              release("1.27", "2024-07-16", "1.27.16"),
              release("1.28", "2024-10-22", "1.28.15"),
              release("1.29", "2025-02-28", "1.29.15"),
              release("1.30", "2025-07-15", "1.30.14"),
              release("1.33", "2026-06-28", null)),
          List.of(
              vuln("CVE-2020-8554", "kube-apiserver", null, new String[] {null, null}),
              vuln(
                  "CVE-2024-3177",
                  "kube-apiserver",
                  null,
                  new String[] {null, "1.27.13", "1.28.0", "1.28.9", "1.29.0", "1.29.4"}),
              vuln(
                  "CVE-2024-10220",
                  "kubelet",
                  null,
                  new String[] {null, "1.28.12", "1.29.0", "1.29.7", "1.30.0", "1.30.3"}),
              vuln(
                  "CVE-2023-5528",
                  "kubelet",
                  "windows",
                  new String[] {"1.8.0", "1.25.16", "1.28.0", "1.28.4"}),
              vuln("CVE-2020-8558", "kube-proxy", null, new String[] {null, "1.16.11"}),
              vuln(
                  "CVE-2024-21626",
                  "containerd",
                  null,
                  new String[] {null, "1.6.28", "1.7.0", "1.7.13"}),
              vuln(
                  "CVE-2022-0847",
                  "linux-kernel",
                  null,
                  new String[] {"5.8", "5.10.102", "5.11", "5.15.25", "5.16", "5.16.11"}),
              vuln(
                  "CVE-2025-1974",
                  "ingress-nginx",
                  null,
                  new String[] {null, "1.11.5", "1.12.0", "1.12.1"})));

  private VersionFixtures() {}

  /** A context on {@code day} (yyyy-mm-dd) with the fixture data. */
  public static CheckContext on(String day) {
    return new CheckContext(List.of(), Instant.parse(day + "T12:00:00Z"), DATA);
  }

  private static KubernetesRelease release(String minor, String eol, String finalPatch) {
    return new KubernetesRelease(
        Version.of(minor),
        LocalDate.parse(eol),
        finalPatch == null ? null : Version.of(finalPatch));
  }

  /** Ranges as pairs introduced, fixed (null for open). */
  private static KnownVulnerability vuln(String id, String component, String os, String[] bounds) {
    List<VersionRange> ranges = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      ranges.add(
          new VersionRange(
              bounds[i] == null ? null : Version.of(bounds[i]),
              bounds[i + 1] == null ? null : Version.of(bounds[i + 1])));
    }
    String mitigatedBy =
        id.equals("CVE-2020-8554") ? "admission-plugin:DenyServiceExternalIPs" : null;
    return new KnownVulnerability(
        id,
        component,
        "high",
        "title of " + id,
        ranges,
        os,
        "",
        mitigatedBy,
        List.of("https://example.com"));
  }

  /** A Node with the versions its status reports. */
  public static String node(
      String name, String expect, String kubelet, String runtime, String kernel, String os) {
    return """
        apiVersion: v1
        kind: Node
        metadata:
          name: %s
          labels: {kubernetes.io/os: %s}
          annotations: {rampart.test/expect: "%s"}
        status:
          nodeInfo:
            kubeletVersion: %s
            kubeProxyVersion: %s
            containerRuntimeVersion: "%s"
            kernelVersion: %s
            operatingSystem: %s
        """
        .formatted(
            name, os, expect == null ? "none" : expect, kubelet, kubelet, runtime, kernel, os);
  }

  /** A control-plane Node, whose kubelet stands for the API server's version in files. */
  public static String controlPlaneNode(String name, String kubelet) {
    return """
        apiVersion: v1
        kind: Node
        metadata:
          name: %s
          labels: {node-role.kubernetes.io/control-plane: ""}
        status:
          nodeInfo: {kubeletVersion: %s, containerRuntimeVersion: "containerd://1.7.27", kernelVersion: 6.1.90, operatingSystem: linux}
        """
        .formatted(name, kubelet);
  }
}
