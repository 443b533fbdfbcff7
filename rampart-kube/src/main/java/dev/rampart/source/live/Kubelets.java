package dev.rampart.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Each node's kubelet configuration, read agentlessly through the API server's node proxy ({@code
 * /api/v1/nodes/NAME/proxy/configz}) and stored as a {@code kubelet.config.k8s.io/v1beta1
 * KubeletConfiguration} named after the node, with the fields of the answer's {@code kubeletconfig}
 * at its top level: the shape the kubelet checks read, and a file can carry.
 */
final class Kubelets {

  static final String API_VERSION = "kubelet.config.k8s.io/v1beta1";
  static final String KIND = "KubeletConfiguration";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Kubelets() {}

  static String path(String node) {
    return "/api/v1/nodes/" + ResourceType.encode(node) + "/proxy/configz";
  }

  /** The permission a read needs, in the words of a 403. */
  static String request() {
    return "get nodes/proxy (kubelet configz) at cluster scope";
  }

  static GenericKubernetesResource decode(String node, byte[] body) throws IOException {
    JsonNode config = MAPPER.readTree(body).get("kubeletconfig");
    if (config == null || !config.isObject()) {
      throw new IOException("the answer has no kubeletconfig");
    }
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(API_VERSION);
    object.setKind(KIND);
    object.setMetadata(new ObjectMetaBuilder().withName(node).build());
    Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
        object.setAdditionalProperty(
            field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
      }
    }
    return object;
  }
}
