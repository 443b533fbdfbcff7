package dev.rampart.rbac;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which running workloads carry which service account's token: whoever compromises one of their
 * containers holds that account's permissions. A workload carries its service account's token
 * unless automounting is switched off (on the pod, or else on the service account) and no projected
 * volume asks for a token explicitly. Static pods never get one. Workloads that run nothing (a
 * finished Pod or Job, a controller scaled to zero, a suspended CronJob) carry none.
 */
public final class ServiceAccountTokens {

  private static final String MIRROR = "kubernetes.io/config.mirror";

  private final Map<Subject, List<Workload>> bySubject = new HashMap<>();
  private final Map<String, List<Workload>> byNamespace = new HashMap<>();
  private final List<Workload> all = new ArrayList<>();

  private ServiceAccountTokens() {}

  static ServiceAccountTokens of(Snapshot snapshot) {
    ServiceAccountTokens tokens = new ServiceAccountTokens();
    for (Workload w : snapshot.workloads()) {
      if (w.namespace() == null || !running(w.object())) {
        continue;
      }
      Subject sa = Subject.serviceAccount(w.namespace(), serviceAccountName(w.spec()));
      if (mountsToken(w.spec(), snapshot.find("ServiceAccount", w.namespace(), sa.name()))) {
        tokens.bySubject.computeIfAbsent(sa, k -> new ArrayList<>()).add(w);
        tokens.byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
        tokens.all.add(w);
      }
    }
    return tokens;
  }

  /** The service account a pod spec runs as ({@code serviceAccount} is the deprecated alias). */
  public static String serviceAccountName(PodSpec spec) {
    if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
      return spec.getServiceAccountName();
    }
    if (spec.getServiceAccount() != null && !spec.getServiceAccount().isEmpty()) {
      return spec.getServiceAccount();
    }
    return "default";
  }

  private static boolean mountsToken(PodSpec spec, Optional<KubeObject> account) {
    if (projectsToken(spec)) {
      return true;
    }
    if (spec.getAutomountServiceAccountToken() != null) {
      return spec.getAutomountServiceAccountToken();
    }
    if (account.isPresent()
        && account.get().resource() instanceof ServiceAccount sa
        && sa.getAutomountServiceAccountToken() != null) {
      return sa.getAutomountServiceAccountToken();
    }
    return true;
  }

  private static boolean projectsToken(PodSpec spec) {
    if (spec.getVolumes() == null) {
      return false;
    }
    for (Volume v : spec.getVolumes()) {
      ProjectedVolumeSource projected = v.getProjected();
      if (projected != null && projected.getSources() != null) {
        for (VolumeProjection p : projected.getSources()) {
          if (p.getServiceAccountToken() != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean running(KubeObject o) {
    Object r = o.resource();
    if (r instanceof Pod p) {
      if (o.annotations().containsKey(MIRROR)) {
        return false; // a static pod's mirror: the kubelet never gives static pods a token
      }
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }
    if (r instanceof Job j) {
      return j.getStatus() == null || j.getStatus().getCompletionTime() == null;
    }
    if (r instanceof CronJob c && c.getSpec() != null) {
      return !Boolean.TRUE.equals(c.getSpec().getSuspend());
    }
    Integer replicas = null;
    if (r instanceof Deployment d && d.getSpec() != null) {
      replicas = d.getSpec().getReplicas();
    } else if (r instanceof StatefulSet s && s.getSpec() != null) {
      replicas = s.getSpec().getReplicas();
    } else if (r instanceof ReplicaSet s && s.getSpec() != null) {
      replicas = s.getSpec().getReplicas();
    } else if (r instanceof ReplicationController rc && rc.getSpec() != null) {
      replicas = rc.getSpec().getReplicas();
    }
    return replicas == null || replicas > 0;
  }

  /**
   * The running workloads that carry a token of {@code subject}: of the service account itself, or,
   * for a group, of any service account in it ({@code system:serviceaccounts:NS}, {@code
   * system:serviceaccounts}, {@code system:authenticated}).
   */
  public List<Workload> mountedBy(Subject subject) {
    if (subject.isServiceAccount()) {
      return bySubject.getOrDefault(subject, List.of());
    }
    if (subject.isGroup()) {
      String ns = subject.serviceAccountGroupNamespace();
      if (ns != null) {
        return byNamespace.getOrDefault(ns, List.of());
      }
      if (subject.name().equals(Subject.ALL_SERVICE_ACCOUNTS)
          || subject.name().equals(Subject.AUTHENTICATED)) {
        return all;
      }
    }
    return List.of();
  }

  /** e.g. {@code Deployment/ci/runner, Pod/ci/job-1 and 3 more}. */
  public static String describe(List<Workload> workloads, int max) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(max, workloads.size()); i++) {
      names.add(workloads.get(i).object().ref().display());
    }
    String text = String.join(", ", names);
    return workloads.size() > max ? text + " and " + (workloads.size() - max) + " more" : text;
  }
}
