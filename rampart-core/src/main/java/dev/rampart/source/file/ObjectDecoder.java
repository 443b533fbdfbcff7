package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a parsed tree into the fabric8 model class of its kind. Kinds Rampart does not model, and
 * custom resources, become {@link GenericKubernetesResource}s: kept, not dropped.
 */
final class ObjectDecoder {

  /** (API group, kind) to model class. Older groups map to the class of the current version. */
  private static final Map<String, Class<? extends HasMetadata>> TYPES = new HashMap<>();

  static {
    register("", Pod.class, "Pod");
    register("", Service.class, "Service");
    register("", ServiceAccount.class, "ServiceAccount");
    register("", ConfigMap.class, "ConfigMap");
    register("", Secret.class, "Secret");
    register("", Namespace.class, "Namespace");
    register("", Node.class, "Node");
    register("", Endpoints.class, "Endpoints");
    register("", PersistentVolume.class, "PersistentVolume");
    register("", PersistentVolumeClaim.class, "PersistentVolumeClaim");
    register("", ReplicationController.class, "ReplicationController");
    register("", PodTemplate.class, "PodTemplate");
    register("", LimitRange.class, "LimitRange");
    register("", ResourceQuota.class, "ResourceQuota");
    for (String group : new String[] {"apps", "extensions"}) {
      register(group, Deployment.class, "Deployment");
      register(group, DaemonSet.class, "DaemonSet");
      register(group, ReplicaSet.class, "ReplicaSet");
    }
    register("apps", StatefulSet.class, "StatefulSet");
    register("batch", Job.class, "Job");
    register("batch", CronJob.class, "CronJob");
    for (String group : new String[] {"networking.k8s.io", "extensions"}) {
      register(group, NetworkPolicy.class, "NetworkPolicy");
      register(group, Ingress.class, "Ingress");
    }
    register("networking.k8s.io", IngressClass.class, "IngressClass");
    register("policy", PodDisruptionBudget.class, "PodDisruptionBudget");
    register("autoscaling", HorizontalPodAutoscaler.class, "HorizontalPodAutoscaler");
    register("rbac.authorization.k8s.io", Role.class, "Role");
    register("rbac.authorization.k8s.io", RoleBinding.class, "RoleBinding");
    register("rbac.authorization.k8s.io", ClusterRole.class, "ClusterRole");
    register("rbac.authorization.k8s.io", ClusterRoleBinding.class, "ClusterRoleBinding");
    register("storage.k8s.io", StorageClass.class, "StorageClass");
    register(
        "admissionregistration.k8s.io",
        ValidatingWebhookConfiguration.class,
        "ValidatingWebhookConfiguration");
    register(
        "admissionregistration.k8s.io",
        MutatingWebhookConfiguration.class,
        "MutatingWebhookConfiguration");
    register("apiextensions.k8s.io", CustomResourceDefinition.class, "CustomResourceDefinition");
  }

  private static void register(String group, Class<? extends HasMetadata> type, String kind) {
    TYPES.put(group + "/" + kind, type);
  }

  /**
   * The model class of a kind, {@link GenericKubernetesResource} for kinds Rampart does not model.
   */
  static Class<? extends HasMetadata> modelClass(String apiVersion, String kind) {
    return TYPES.getOrDefault(group(apiVersion) + "/" + kind, GenericKubernetesResource.class);
  }

  private final ObjectMapper mapper;

  ObjectDecoder(ObjectMapper mapper) {
    this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /** Why a mapping was left out, in words for the user, and where in the mapping. */
  static final class Rejected extends Exception {
    private final boolean error;
    private final JsonPointer at;

    private Rejected(boolean error, String message, JsonPointer at) {
      super(message, null, false, false);
      this.error = error;
      this.at = at;
    }

    static Rejected error(String message, JsonPointer at) {
      return new Rejected(true, message, at);
    }

    static Rejected warning(String message) {
      return new Rejected(false, message, JsonPointer.empty());
    }

    /** Whether the mapping looked like a Kubernetes object but is broken (else it is no object). */
    boolean isError() {
      return error;
    }

    /** The value at fault, or the mapping itself. */
    JsonPointer at() {
      return at;
    }
  }

  /**
   * Decodes one mapping into the model class of its kind.
   *
   * @param list the fields of the list the mapping is an item of, or null
   */
  HasMetadata decode(ObjectNode tree, ObjectNode list) throws Rejected {
    if (list != null && !tree.has("kind")) {
      completeTypedListItem(tree, list);
    }
    String kind = kind(tree);
    String apiVersion = apiVersion(tree, kind);
    String name = name(tree, kind);
    Class<? extends HasMetadata> type =
        TYPES.getOrDefault(group(apiVersion) + "/" + kind, GenericKubernetesResource.class);
    HasMetadata object;
    try {
      object = mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw Rejected.error(
          kind + " " + name + ": " + ParseMessages.decoding(e, tree) + "; skipped",
          ParseMessages.pointer(e));
    }
    // Older API versions (extensions/v1beta1, ...) decode into the current class; keep the
    // version the file declared so that reports name what the user wrote.
    object.setApiVersion(apiVersion);
    if (object.getMetadata().getName() == null) {
      // generateName objects (Jobs created by CI, ...) get their name from the server; until then
      // the prefix is the best name there is.
      object.getMetadata().setName(name);
    }
    return object;
  }

  /** Typed lists from the API (PodList, ...) leave apiVersion and kind out of their items. */
  private static void completeTypedListItem(ObjectNode item, ObjectNode list) {
    JsonNode listKind = list.get("kind");
    JsonNode listVersion = list.get("apiVersion");
    if (listKind != null
        && listKind.isTextual()
        && listKind.asText().endsWith("List")
        && !listKind.asText().equals("List")) {
      item.put("kind", listKind.asText().substring(0, listKind.asText().length() - 4));
      if (!item.has("apiVersion") && listVersion != null) {
        item.set("apiVersion", listVersion);
      }
    }
  }

  private static String kind(ObjectNode tree) throws Rejected {
    JsonNode kind = tree.get("kind");
    if (isMissing(kind)) {
      throw Rejected.warning("not a Kubernetes object (it has no kind); skipped");
    }
    return string(kind, "", "kind");
  }

  private static String apiVersion(ObjectNode tree, String kind) throws Rejected {
    JsonNode apiVersion = tree.get("apiVersion");
    if (isMissing(apiVersion)) {
      throw Rejected.error(kind + " has no apiVersion; skipped", JsonPointer.empty());
    }
    return string(apiVersion, kind + ": ", "apiVersion");
  }

  /** metadata.name, or metadata.generateName for objects the server names. */
  private static String name(ObjectNode tree, String kind) throws Rejected {
    JsonNode meta = tree.get("metadata");
    if (meta != null && !meta.isNull() && !meta.isObject()) {
      throw wrongType(kind + ": ", "metadata", "a mapping", meta);
    }
    for (String field : new String[] {"name", "generateName"}) {
      JsonNode value = meta == null ? null : meta.get(field);
      if (!isMissing(value)) {
        return string(value, kind + ": ", "metadata." + field);
      }
    }
    throw Rejected.error(
        kind + " has no metadata.name; skipped",
        meta == null ? JsonPointer.empty() : JsonPointer.compile("/metadata"));
  }

  private static boolean isMissing(JsonNode value) {
    return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
  }

  private static String string(JsonNode value, String subject, String path) throws Rejected {
    if (!value.isTextual()) {
      throw wrongType(subject, path, "a string", value);
    }
    return value.asText();
  }

  private static Rejected wrongType(String subject, String path, String expected, JsonNode value) {
    return Rejected.error(
        subject
            + "field "
            + path
            + ": expected "
            + expected
            + ", got "
            + ParseMessages.describe(value)
            + "; skipped",
        JsonPointer.compile("/" + path.replace('.', '/')));
  }

  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
