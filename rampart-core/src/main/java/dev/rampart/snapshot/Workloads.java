package dev.rampart.snapshot;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;
import java.util.Set;

/** Normalizes every kind that runs pods to its pod template. */
public final class Workloads {

  /** The kinds that run pods. */
  public static final Set<String> KINDS =
      Set.of(
          "Pod",
          "Deployment",
          "ReplicaSet",
          "StatefulSet",
          "DaemonSet",
          "Job",
          "CronJob",
          "ReplicationController");

  private static final String TEMPLATE_SPEC = "spec.template.spec";

  private Workloads() {}

  public static Optional<Workload> of(KubeObject object) {
    HasMetadata r = object.resource();
    if (r instanceof Pod pod) {
      return Optional.of(new Workload(object, pod.getMetadata(), pod.getSpec(), "spec"));
    }
    if (r instanceof Deployment d && d.getSpec() != null) {
      return template(object, d.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof StatefulSet s && s.getSpec() != null) {
      return template(object, s.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof DaemonSet d && d.getSpec() != null) {
      return template(object, d.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof ReplicaSet rs && rs.getSpec() != null) {
      return template(object, rs.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof ReplicationController rc && rc.getSpec() != null) {
      return template(object, rc.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof Job j && j.getSpec() != null) {
      return template(object, j.getSpec().getTemplate(), TEMPLATE_SPEC);
    }
    if (r instanceof CronJob c
        && c.getSpec() != null
        && c.getSpec().getJobTemplate() != null
        && c.getSpec().getJobTemplate().getSpec() != null) {
      return template(
          object,
          c.getSpec().getJobTemplate().getSpec().getTemplate(),
          "spec.jobTemplate.spec.template.spec");
    }
    return Optional.empty();
  }

  private static Optional<Workload> template(
      KubeObject object, PodTemplateSpec template, String specPath) {
    if (template == null) {
      return Optional.of(new Workload(object, null, null, specPath));
    }
    return Optional.of(new Workload(object, template.getMetadata(), template.getSpec(), specPath));
  }
}
