package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

  private static Rule rule(List<String> verbs, List<String> groups, List<String> resources) {
    return new Rule(verbs, groups, resources, List.of(), List.of(), "r");
  }

  private static Role role(Rule... rules) {
    return new Role(Role.CLUSTER_ROLE, null, "r", null, List.of(rules), List.of());
  }

  private static final List<String> ALL = List.of("*");

  @Test
  void everyStandardVerbOnEverythingControlsEveryObject() {
    assertThat(role(rule(ALL, ALL, ALL)).controlsEveryObject()).isTrue();
    assertThat(role(rule(Role.STANDARD_VERBS, ALL, ALL)).controlsEveryObject()).isTrue();
    assertThat(
            role(
                    rule(List.of("delete", "patch", "update", "create"), ALL, ALL),
                    rule(List.of("watch", "list", "get"), ALL, ALL))
                .controlsEveryObject())
        .as("the verbs split across rules, as the authorizer takes the union")
        .isTrue();
  }

  @Test
  void lessThanEveryStandardVerbOnEverythingDoesNot() {
    assertThat(role(rule(List.of("get", "list", "watch"), ALL, ALL)).controlsEveryObject())
        .isFalse();
    assertThat(
            role(rule(List.of("get", "list", "watch", "create", "update", "patch"), ALL, ALL))
                .controlsEveryObject())
        .as("no delete")
        .isFalse();
    assertThat(role(rule(ALL, List.of(""), ALL)).controlsEveryObject())
        .as("the core group only")
        .isFalse();
    assertThat(role(rule(ALL, ALL, List.of("pods"))).controlsEveryObject()).isFalse();
    assertThat(role(new Rule(ALL, ALL, ALL, List.of("one"), List.of(), "r")).controlsEveryObject())
        .as("limited to a name")
        .isFalse();
    assertThat(
            role(rule(List.of("get", "list", "watch"), ALL, ALL), rule(ALL, List.of(""), ALL))
                .controlsEveryObject())
        .as("writes in the core group only")
        .isFalse();
    assertThat(role().controlsEveryObject()).as("a missing role").isFalse();
  }
}
