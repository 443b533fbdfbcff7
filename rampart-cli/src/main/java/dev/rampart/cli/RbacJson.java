package dev.rampart.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Escalation;
import dev.rampart.rbac.Grant;
import dev.rampart.rbac.Role;
import dev.rampart.rbac.Rule;
import dev.rampart.rbac.Subject;
import java.util.List;

/**
 * The JSON shapes of {@code who-can} and {@code access}: typed records, serialized by Jackson.
 * Fields that do not apply are omitted rather than written as null.
 */
final class RbacJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private RbacJson() {}

  /** An identity: {@code kind}, {@code name} and, for a service account, {@code namespace}. */
  record SubjectJson(String kind, String name, String namespace) {
    static SubjectJson of(Subject s) {
      return new SubjectJson(s.kind().spelling(), s.name(), s.namespace());
    }
  }

  record ObjectJson(String kind, String namespace, String name) {}

  record RuleJson(
      List<String> verbs,
      List<String> apiGroups,
      List<String> resources,
      List<String> resourceNames,
      List<String> nonResourceURLs) {
    static RuleJson of(Rule r) {
      return new RuleJson(
          r.verbs(),
          r.resources().isEmpty() ? null : r.apiGroups(),
          nullIfEmpty(r.resources()),
          nullIfEmpty(r.resourceNames()),
          nullIfEmpty(r.nonResourceURLs()));
    }
  }

  /**
   * One grant: the binding and role that give it, where it holds, the rule, and — when the holder
   * has it through a group — that group.
   *
   * @param aggregatedFrom for an aggregated ClusterRole, the component role the rule comes from
   */
  record GrantJson(
      ObjectJson binding,
      ObjectJson role,
      boolean roleExists,
      String aggregatedFrom,
      String scope,
      String namespace,
      SubjectJson viaGroup,
      RuleJson rule) {
    static GrantJson of(Grant g) {
      Binding b = g.binding();
      Role r = g.role();
      String origin = g.rule().origin();
      return new GrantJson(
          new ObjectJson(b.kind(), b.namespace(), b.name()),
          new ObjectJson(r.kind(), r.namespace(), r.name()),
          r.exists(),
          origin != null && !origin.equals(r.name()) ? origin : null,
          g.isClusterWide() ? "cluster" : "namespace",
          g.namespace(),
          g.viaGroup() ? SubjectJson.of(g.grantee()) : null,
          RuleJson.of(g.rule()));
    }
  }

  record StepJson(String description, List<GrantJson> grants) {
    static StepJson of(Escalation.Step s) {
      return new StepJson(s.description(), s.grants().stream().map(GrantJson::of).toList());
    }
  }

  record EscalationJson(String technique, boolean direct, String summary, List<StepJson> chain) {
    static EscalationJson of(Escalation e) {
      return new EscalationJson(
          e.technique().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          e.isDirect(),
          e.summary(),
          e.chain().stream().map(StepJson::of).toList());
    }
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
