package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectTest {

  @Test
  void parsesTheCommandLineForms() {
    assertThat(Subject.parse("system:serviceaccount:ci:deployer"))
        .isEqualTo(Subject.serviceAccount("ci", "deployer"));
    assertThat(Subject.parse("user:alice@example.com"))
        .isEqualTo(Subject.user("alice@example.com"));
    assertThat(Subject.parse("group:system:masters")).isEqualTo(Subject.group("system:masters"));
    assertThat(Subject.parse("user:system:serviceaccount:ci:deployer"))
        .as("a service account's user name is the service account")
        .isEqualTo(Subject.serviceAccount("ci", "deployer"));
  }

  @Test
  void rejectsAnythingElseNamingTheForms() {
    for (String bad :
        new String[] {"alice", "user:", "group:", "system:serviceaccount:ci", "sa:ci:x", ""}) {
      assertThatThrownBy(() -> Subject.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("user:NAME");
    }
  }

  @Test
  void roundTripsThroughSpec() {
    for (Subject s :
        new Subject[] {
          Subject.serviceAccount("a", "b"), Subject.user("u"), Subject.group("system:authenticated")
        }) {
      assertThat(Subject.parse(s.spec())).isEqualTo(s);
    }
  }

  @Test
  void theApiServerPutsIdentitiesInItsGroups() {
    assertThat(Subject.serviceAccount("shop", "web").groups())
        .containsExactly(
            Subject.group("system:serviceaccounts"),
            Subject.group("system:serviceaccounts:shop"),
            Subject.group("system:authenticated"));
    assertThat(Subject.user("alice").groups())
        .containsExactly(Subject.group("system:authenticated"));
    assertThat(Subject.user("system:anonymous").groups())
        .containsExactly(Subject.group("system:unauthenticated"));
    assertThat(Subject.group("x").groups()).isEmpty();
    assertThat(
            Subject.group("system:serviceaccounts:shop")
                .contains(Subject.serviceAccount("shop", "a")))
        .isTrue();
    assertThat(
            Subject.group("system:serviceaccounts:shop")
                .contains(Subject.serviceAccount("ci", "a")))
        .isFalse();
  }
}
