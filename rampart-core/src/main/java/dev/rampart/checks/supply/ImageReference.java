package dev.rampart.checks.supply;

import java.util.Locale;
import java.util.Set;

/**
 * An image reference as a container runtime resolves it: {@code nginx} is {@code
 * docker.io/library/nginx:latest}; the first path component is a registry only when it looks like a
 * host ({@code localhost}, a dot, a port or an upper-case letter), as in the Docker reference
 * grammar.
 *
 * @param registry the registry host, with its port when one is given; Docker Hub's aliases are
 *     normalized to {@code docker.io}
 * @param repository the path inside the registry, e.g. {@code library/nginx}
 * @param tag the tag, or null when none is written
 * @param digest the digest ({@code sha256:...}), or null when none is written
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  public static final String DOCKER_HUB = "docker.io";

  private static final Set<String> DOCKER_HUB_ALIASES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  public static ImageReference parse(String image) {
    String rest = image.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = emptyToNull(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = emptyToNull(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0 && looksLikeHost(rest.substring(0, slash))) {
      registry = canonicalHost(rest.substring(0, slash));
      rest = rest.substring(slash + 1);
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  /** A registry host as written in a reference or a setting, with Docker Hub's aliases merged. */
  static String canonicalHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return DOCKER_HUB_ALIASES.contains(lower) ? DOCKER_HUB : lower;
  }

  private static boolean looksLikeHost(String component) {
    return component.contains(".")
        || component.contains(":")
        || component.equals("localhost")
        || !component.equals(component.toLowerCase(Locale.ROOT));
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  public boolean hasDigest() {
    return digest != null;
  }

  /**
   * Whether the reference resolves through the {@code latest} tag: written, or implied by the
   * absence of both tag and digest.
   */
  public boolean isLatest() {
    return digest == null && (tag == null || tag.equals("latest"));
  }

  /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
  public String name() {
    return registry + "/" + repository;
  }
}
