package dev.rampart.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Rampart keeps of a Secret read from a cluster: its metadata and, when known, its type; never
 * its data. kubectl's last-applied-configuration annotation repeats the data it applied, so its
 * values are replaced too, keeping the keys the checks report.
 */
public final class SecretMetadata {

  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** What replaces every value. */
  public static final String REDACTED = "<redacted>";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretMetadata() {}

  /**
   * A Secret with only {@code metadata} and {@code type}.
   *
   * @param type the Secret's type, or null when it is not known
   */
  public static Secret of(ObjectMeta metadata, String type) {
    Secret secret = new Secret();
    secret.setMetadata(metadata);
    secret.setType(type);
    secret.setData(null);
    secret.setStringData(null);
    redactLastApplied(metadata);
    return secret;
  }

  /** {@code secret} without its data, whatever it held. */
  public static Secret of(Secret secret) {
    return of(secret.getMetadata(), secret.getType());
  }

  private static void redactLastApplied(ObjectMeta metadata) {
    Map<String, String> annotations = metadata.getAnnotations();
    if (annotations == null || !annotations.containsKey(LAST_APPLIED)) {
      return;
    }
    Map<String, String> copy = new LinkedHashMap<>(annotations);
    String redacted = redact(annotations.get(LAST_APPLIED));
    if (redacted == null) {
      copy.remove(LAST_APPLIED);
    } else {
      copy.put(LAST_APPLIED, redacted);
    }
    metadata.setAnnotations(copy);
  }

  /** The applied object with every data value replaced, or null when it is not JSON. */
  static String redact(String applied) {
    try {
      JsonNode tree = JSON.readTree(applied);
      if (!(tree instanceof ObjectNode object)) {
        return null;
      }
      for (String field : List.of("data", "stringData")) {
        if (object.get(field) instanceof ObjectNode values) {
          values.fieldNames().forEachRemaining(key -> values.put(key, REDACTED));
        }
      }
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
