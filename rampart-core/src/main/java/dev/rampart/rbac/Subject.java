package dev.rampart.rbac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An identity RBAC grants permissions to: a service account, a user or a group.
 *
 * @param namespace the service account's namespace; null for users and groups
 */
public record Subject(Kind kind, String name, String namespace) implements Comparable<Subject> {

  /** The RBAC subject kinds, with the spelling bindings use. */
  public enum Kind {
    SERVICE_ACCOUNT("ServiceAccount"),
    USER("User"),
    GROUP("Group");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }

    static Kind of(String spelling) {
      for (Kind k : values()) {
        if (k.spelling.equals(spelling)) {
          return k;
        }
      }
      return null;
    }
  }

  public static final String AUTHENTICATED = "system:authenticated";
  public static final String UNAUTHENTICATED = "system:unauthenticated";
  public static final String ANONYMOUS = "system:anonymous";
  public static final String MASTERS = "system:masters";
  public static final String ALL_SERVICE_ACCOUNTS = "system:serviceaccounts";

  private static final String SA_USER_PREFIX = "system:serviceaccount:";
  private static final String SA_GROUP_PREFIX = "system:serviceaccounts:";

  private static final Comparator<Subject> ORDER =
      Comparator.comparing(Subject::kind)
          .thenComparing(s -> Objects.toString(s.namespace(), ""))
          .thenComparing(Subject::name);

  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if ((kind == Kind.SERVICE_ACCOUNT) != (namespace != null)) {
      throw new IllegalArgumentException("only service accounts have a namespace");
    }
  }

  public static Subject serviceAccount(String namespace, String name) {
    return new Subject(Kind.SERVICE_ACCOUNT, name, namespace);
  }

  /**
   * A user. The user name of a service account ({@code system:serviceaccount:NS:NAME}) is that
   * service account: the authorizer matches a User subject with that name to its tokens.
   */
  public static Subject user(String name) {
    Subject sa = serviceAccountOfUserName(name);
    return sa != null ? sa : new Subject(Kind.USER, name, null);
  }

  public static Subject group(String name) {
    return new Subject(Kind.GROUP, name, null);
  }

  /**
   * Parses the command-line form: {@code system:serviceaccount:NS:NAME}, {@code user:NAME} or
   * {@code group:NAME}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Subject parse(String text) {
    String t = text == null ? "" : text.strip();
    Subject sa = serviceAccountOfUserName(t);
    if (sa != null) {
      return sa;
    }
    if (t.startsWith("user:") && t.length() > 5) {
      return user(t.substring(5));
    }
    if (t.startsWith("group:") && t.length() > 6) {
      return group(t.substring(6));
    }
    throw new IllegalArgumentException(
        "cannot read subject '"
            + text
            + "': expected system:serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME");
  }

  private static Subject serviceAccountOfUserName(String name) {
    if (!name.startsWith(SA_USER_PREFIX)) {
      return null;
    }
    String rest = name.substring(SA_USER_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
      return null;
    }
    return serviceAccount(rest.substring(0, colon), rest.substring(colon + 1));
  }

  public boolean isServiceAccount() {
    return kind == Kind.SERVICE_ACCOUNT;
  }

  public boolean isGroup() {
    return kind == Kind.GROUP;
  }

  /**
   * The groups the API server puts this identity in on every request, whatever the authenticator: a
   * service account is in {@code system:serviceaccounts}, {@code system:serviceaccounts:NS} and
   * {@code system:authenticated}; {@code system:anonymous} is in {@code system:unauthenticated};
   * every other user is in {@code system:authenticated} (and in whatever groups its authenticator
   * adds, which the cluster does not record). A group is in no group.
   */
  public List<Subject> groups() {
    List<Subject> groups = new ArrayList<>(3);
    switch (kind) {
      case SERVICE_ACCOUNT -> {
        groups.add(group(ALL_SERVICE_ACCOUNTS));
        groups.add(group(SA_GROUP_PREFIX + namespace));
        groups.add(group(AUTHENTICATED));
      }
      case USER -> groups.add(group(name.equals(ANONYMOUS) ? UNAUTHENTICATED : AUTHENTICATED));
      case GROUP -> {}
    }
    return groups;
  }

  /** Whether this group contains {@code member} by the API server's own rules ({@link #groups}). */
  public boolean contains(Subject member) {
    return isGroup() && member.groups().contains(this);
  }

  /** For a group of service accounts ({@code system:serviceaccounts:NS}), NS; otherwise null. */
  public String serviceAccountGroupNamespace() {
    return isGroup() && name.startsWith(SA_GROUP_PREFIX)
        ? name.substring(SA_GROUP_PREFIX.length())
        : null;
  }

  /** {@code ServiceAccount ns/name}, {@code User name}, {@code Group name}. */
  public String display() {
    return kind.spelling + " " + (namespace == null ? name : namespace + "/" + name);
  }

  /** The command-line form {@link #parse} reads. */
  public String spec() {
    return switch (kind) {
      case SERVICE_ACCOUNT -> SA_USER_PREFIX + namespace + ":" + name;
      case USER -> "user:" + name;
      case GROUP -> "group:" + name;
    };
  }

  @Override
  public int compareTo(Subject other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return display();
  }

  // Written out, with the values a record's own would give: those dispatch through method handles
  // that the quick (C1) compiler a one-shot scan runs on does not inline, and subjects key the
  // RBAC engine's and the graph's maps.
  @Override
  public boolean equals(Object other) {
    return other instanceof Subject s
        && kind == s.kind
        && Objects.equals(name, s.name)
        && Objects.equals(namespace, s.namespace);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(kind);
    h = 31 * h + Objects.hashCode(name);
    return 31 * h + Objects.hashCode(namespace);
  }
}
