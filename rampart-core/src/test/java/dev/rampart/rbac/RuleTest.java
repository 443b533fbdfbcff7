package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching of one rule, case by case as the authorizer's RuleAllows decides. */
class RuleTest {

  private static Rule rule(
      List<String> verbs, List<String> groups, List<String> resources, List<String> names) {
    return new Rule(verbs, groups, resources, names, List.of(), "r");
  }

  private static Rule urls(List<String> verbs, List<String> urls) {
    return new Rule(verbs, List.of(), List.of(), List.of(), urls, "r");
  }

  private static Request req(String verb, String group, String resource, String sub) {
    return Request.resource(verb, group, resource, sub, "ns");
  }

  @Test
  void verbsMatchExactlyOrByWildcard() {
    Rule r = rule(List.of("get", "list"), List.of(""), List.of("pods"), List.of());
    assertThat(r.allows(req("get", "", "pods", ""))).isTrue();
    assertThat(r.allows(req("watch", "", "pods", ""))).isFalse();
    assertThat(r.allows(req("GET", "", "pods", ""))).as("verbs are case-sensitive").isFalse();
    Rule any = rule(List.of("*"), List.of(""), List.of("pods"), List.of());
    assertThat(any.allows(req("escalate", "", "pods", ""))).isTrue();
  }

  @Test
  void apiGroupsMatchExactlyOrByWildcard() {
    Rule core = rule(List.of("get"), List.of(""), List.of("deployments"), List.of());
    assertThat(core.allows(req("get", "apps", "deployments", ""))).isFalse();
    Rule apps = rule(List.of("get"), List.of("apps"), List.of("deployments"), List.of());
    assertThat(apps.allows(req("get", "apps", "deployments", ""))).isTrue();
    assertThat(apps.allows(req("get", "extensions", "deployments", ""))).isFalse();
    Rule any = rule(List.of("get"), List.of("*"), List.of("deployments"), List.of());
    assertThat(any.allows(req("get", "extensions", "deployments", ""))).isTrue();
    assertThat(any.allows(req("get", "", "deployments", ""))).isTrue();
    Rule none = rule(List.of("get"), List.of(), List.of("deployments"), List.of());
    assertThat(none.allows(req("get", "", "deployments", ""))).as("no groups, no match").isFalse();
  }

  @Test
  void subresourcesAreSeparateResources() {
    Rule pods = rule(List.of("*"), List.of(""), List.of("pods"), List.of());
    assertThat(pods.allows(req("create", "", "pods", "exec"))).isFalse();
    Rule exec = rule(List.of("create"), List.of(""), List.of("pods/exec"), List.of());
    assertThat(exec.allows(req("create", "", "pods", "exec"))).isTrue();
    assertThat(exec.allows(req("create", "", "pods", ""))).isFalse();
    assertThat(exec.allows(req("create", "", "pods", "attach"))).isFalse();
  }

  @Test
  void aResourceWildcardCoversSubresourcesToo() {
    Rule all = rule(List.of("create"), List.of(""), List.of("*"), List.of());
    assertThat(all.allows(req("create", "", "pods", "exec"))).isTrue();
    assertThat(all.allows(req("create", "", "serviceaccounts", "token"))).isTrue();
  }

  @Test
  void starSlashSubresourceMatchesThatSubresourceOfAnyResource() {
    Rule scale = rule(List.of("update"), List.of("*"), List.of("*/scale"), List.of());
    assertThat(scale.allows(req("update", "apps", "deployments", "scale"))).isTrue();
    assertThat(scale.allows(req("update", "", "replicationcontrollers", "scale"))).isTrue();
    assertThat(scale.allows(req("update", "apps", "deployments", ""))).isFalse();
    assertThat(scale.allows(req("update", "apps", "deployments", "status"))).isFalse();
  }

  @Test
  void resourceSlashStarIsLiteral() {
    // The authorizer has no pods/* form: the entry only equals a subresource named "*".
    Rule podsStar = rule(List.of("create"), List.of(""), List.of("pods/*"), List.of());
    assertThat(podsStar.allows(req("create", "", "pods", "exec"))).isFalse();
    assertThat(podsStar.allows(req("create", "", "pods", ""))).isFalse();
    assertThat(podsStar.allows(req("create", "", "pods", "*"))).isTrue();
  }

  @Test
  void resourceNamesLimitToNamedRequests() {
    Rule named = rule(List.of("get"), List.of(""), List.of("secrets"), List.of("db", "tls"));
    assertThat(named.allows(req("get", "", "secrets", "").named("db"))).isTrue();
    assertThat(named.allows(req("get", "", "secrets", "").named("other"))).isFalse();
    assertThat(named.allows(req("get", "", "secrets", "")))
        .as("a request without a name")
        .isFalse();
    assertThat(named.allowsSomeName(req("get", "", "secrets", ""))).isTrue();
    Rule any = rule(List.of("get"), List.of(""), List.of("secrets"), List.of());
    assertThat(any.allows(req("get", "", "secrets", "").named("db"))).isTrue();
    assertThat(any.allows(req("get", "", "secrets", ""))).isTrue();
  }

  @Test
  void nonResourceUrlsMatchExactlyOrByTrailingStarPrefix() {
    Rule r = urls(List.of("get"), List.of("/healthz", "/api/*", "/logs*"));
    assertThat(r.allows(Request.nonResource("get", "/healthz"))).isTrue();
    assertThat(r.allows(Request.nonResource("get", "/healthz/etcd"))).isFalse();
    assertThat(r.allows(Request.nonResource("get", "/api/v1"))).isTrue();
    assertThat(r.allows(Request.nonResource("get", "/api"))).as("prefix is /api/").isFalse();
    assertThat(r.allows(Request.nonResource("get", "/logsfoo/bar"))).isTrue();
    assertThat(r.allows(Request.nonResource("post", "/healthz"))).isFalse();
    Rule all = urls(List.of("*"), List.of("*"));
    assertThat(all.allows(Request.nonResource("delete", "/anything"))).isTrue();
  }

  @Test
  void resourceAndNonResourceRulesDoNotCross() {
    Rule urlsOnly = urls(List.of("*"), List.of("*"));
    assertThat(urlsOnly.allows(req("get", "", "pods", ""))).isFalse();
    Rule resourcesOnly = rule(List.of("*"), List.of("*"), List.of("*"), List.of());
    assertThat(resourcesOnly.allows(Request.nonResource("get", "/metrics"))).isFalse();
    assertThat(resourcesOnly.grantsEverything()).isTrue();
    assertThat(rule(List.of("*"), List.of("*"), List.of("*"), List.of("x")).grantsEverything())
        .as("limited to a name")
        .isFalse();
  }

  @Test
  void wildcardsAreRecognised() {
    assertThat(rule(List.of("get"), List.of(""), List.of("pods"), List.of()).hasWildcard())
        .isFalse();
    assertThat(rule(List.of("get"), List.of("*"), List.of("pods"), List.of()).hasWildcard())
        .isTrue();
    assertThat(rule(List.of("get"), List.of(""), List.of("*/scale"), List.of()).hasWildcard())
        .isTrue();
    assertThat(urls(List.of("get"), List.of("*")).hasWildcard()).isTrue();
    assertThat(urls(List.of("get"), List.of("/api/*")).hasWildcard()).isFalse();
  }
}
