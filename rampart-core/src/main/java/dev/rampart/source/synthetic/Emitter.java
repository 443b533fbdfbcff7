package dev.rampart.source.synthetic;

import static dev.rampart.source.synthetic.Doc.list;
import static dev.rampart.source.synthetic.Doc.map;
import static dev.rampart.source.synthetic.Doc.meta;
import static dev.rampart.source.synthetic.Doc.object;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes workloads the way {@code kubectl get -A -o yaml} lists them: each controller followed by
 * what it runs (a Deployment's ReplicaSet, a CronJob's Job, and their Pods with ownerReferences),
 * each Pod on a node, counting the pods and objects emitted.
 */
final class Emitter {

  private final Consumer<Map<String, Object>> sink;
  private final PodTemplates t;
  private final List<String> nodes;
  private int pods;
  private int objects;
  private int nextNode;

  Emitter(Consumer<Map<String, Object>> sink, PodTemplates templates, List<String> nodes) {
    this.sink = sink;
    this.t = templates;
    this.nodes = nodes;
  }

  int pods() {
    return pods;
  }

  int objects() {
    return objects;
  }

  void emit(Map<String, Object> object) {
    objects++;
    sink.accept(object);
  }

  void deployment(
      String ns, String app, Map<String, String> labels, Map<String, Object> spec, int replicas) {
    String uid = t.uid();
    emit(controller("apps/v1", "Deployment", ns, app, uid, null, labels, spec, replicas));
    String hash = t.suffix(10);
    Map<String, String> podLabels = new LinkedHashMap<>(labels);
    podLabels.put("pod-template-hash", hash);
    String rs = app + "-" + hash;
    String rsUid = t.uid();
    emit(
        controller(
            "apps/v1",
            "ReplicaSet",
            ns,
            rs,
            rsUid,
            owner("apps/v1", "Deployment", app, uid),
            podLabels,
            spec,
            replicas));
    for (int i = 0; i < replicas; i++) {
      pod(
          ns,
          rs + "-" + t.suffix(5),
          podLabels,
          spec,
          owner("apps/v1", "ReplicaSet", rs, rsUid),
          null);
    }
  }

  void replicaSet(
      String ns, String app, Map<String, String> labels, Map<String, Object> spec, int replicas) {
    String uid = t.uid();
    emit(controller("apps/v1", "ReplicaSet", ns, app, uid, null, labels, spec, replicas));
    for (int i = 0; i < replicas; i++) {
      pod(
          ns,
          app + "-" + t.suffix(5),
          labels,
          spec,
          owner("apps/v1", "ReplicaSet", app, uid),
          null);
    }
  }

  void statefulSet(
      String ns, String app, Map<String, String> labels, Map<String, Object> spec, int replicas) {
    String uid = t.uid();
    Map<String, Object> sts =
        controller("apps/v1", "StatefulSet", ns, app, uid, null, labels, spec, replicas);
    Doc.child(sts, "spec").put("serviceName", app);
    emit(sts);
    for (int i = 0; i < replicas; i++) {
      pod(ns, app + "-" + i, labels, spec, owner("apps/v1", "StatefulSet", app, uid), null);
    }
  }

  /** One pod per node, as a DaemonSet runs. */
  void daemonSet(String ns, String app, Map<String, String> labels, Map<String, Object> spec) {
    String uid = t.uid();
    Map<String, Object> ds =
        controller("apps/v1", "DaemonSet", ns, app, uid, null, labels, spec, 0);
    Doc.child(ds, "spec").remove("replicas");
    emit(ds);
    for (String node : nodes) {
      pod(ns, app + "-" + t.suffix(5), labels, spec, owner("apps/v1", "DaemonSet", app, uid), node);
    }
  }

  void cronJob(String ns, String app, Map<String, String> labels, Map<String, Object> spec) {
    String uid = t.uid();
    Map<String, Object> jobTemplate =
        map("spec", map("template", map("metadata", map("labels", labels), "spec", spec)));
    emit(
        map(
            "apiVersion",
            "batch/v1",
            "kind",
            "CronJob",
            "metadata",
            withUid(meta(app, ns, labels, null), uid, null),
            "spec",
            map(
                "schedule",
                "*/30 * * * *",
                "concurrencyPolicy",
                "Forbid",
                "jobTemplate",
                jobTemplate)));
    job(
        ns,
        app + "-" + (29_000_000 + objects),
        labels,
        spec,
        owner("batch/v1", "CronJob", app, uid));
  }

  void job(
      String ns,
      String name,
      Map<String, String> labels,
      Map<String, Object> spec,
      Map<String, Object> owner) {
    String uid = t.uid();
    emit(
        map(
            "apiVersion",
            "batch/v1",
            "kind",
            "Job",
            "metadata",
            withUid(meta(name, ns, labels, null), uid, owner),
            "spec",
            map(
                "backoffLimit",
                3,
                "template",
                map("metadata", map("labels", labels), "spec", spec))));
    Map<String, Object> pod =
        podObject(
            ns, name + "-" + t.suffix(5), labels, spec, owner("batch/v1", "Job", name, uid), null);
    Doc.child(pod, "status").put("phase", "Succeeded");
    pods++;
    emit(pod);
  }

  /** A Pod no controller manages. */
  void nakedPod(String ns, String app, Map<String, String> labels, Map<String, Object> spec) {
    pod(ns, app, labels, spec, null, null);
  }

  private void pod(
      String ns,
      String name,
      Map<String, String> labels,
      Map<String, Object> spec,
      Map<String, Object> owner,
      String node) {
    pods++;
    emit(podObject(ns, name, labels, spec, owner, node));
  }

  private Map<String, Object> podObject(
      String ns,
      String name,
      Map<String, String> labels,
      Map<String, Object> spec,
      Map<String, Object> owner,
      String node) {
    // Pods share their controller's spec tree: only nodeName differs, set on a shallow copy.
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("nodeName", node != null ? node : nodes.get(nextNode++ % nodes.size()));
    podSpec.putAll(spec);
    int n = pods;
    return map(
        "apiVersion",
        "v1",
        "kind",
        "Pod",
        "metadata",
        withUid(meta(name, ns, labels, null), t.uid(), owner),
        "spec",
        podSpec,
        "status",
        map(
            "phase",
            "Running",
            "podIP",
            "10." + (64 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255)));
  }

  private Map<String, Object> controller(
      String apiVersion,
      String kind,
      String ns,
      String name,
      String uid,
      Map<String, Object> owner,
      Map<String, String> labels,
      Map<String, Object> spec,
      int replicas) {
    Map<String, Object> object =
        object(apiVersion, kind, withUid(meta(name, ns, labels, null), uid, owner));
    object.put(
        "spec",
        map(
            "replicas",
            replicas,
            "selector",
            map("matchLabels", labels),
            "template",
            map("metadata", map("labels", labels), "spec", spec)));
    return object;
  }

  static Map<String, Object> owner(String apiVersion, String kind, String name, String uid) {
    return map(
        "apiVersion",
        apiVersion,
        "kind",
        kind,
        "name",
        name,
        "uid",
        uid,
        "controller",
        true,
        "blockOwnerDeletion",
        true);
  }

  private static Map<String, Object> withUid(
      Map<String, Object> meta, String uid, Map<String, Object> owner) {
    meta.put("uid", uid);
    if (owner != null) {
      meta.put("ownerReferences", list(owner));
    }
    return meta;
  }
}
