package dev.rampart.source.live;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.source.SecretMetadata;
import dev.rampart.source.file.ModelTypes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists one kind in one scope, page by page ({@code limit} and {@code continue}), and decodes the
 * items into the model classes the file source uses.
 *
 * <p>A continue token the server no longer holds (410 Gone: the list took longer than etcd keeps
 * its history) restarts the list from the beginning, so that it stays consistent; when that expires
 * too, the list is read in one request, which the API server serves from its cache. Either is
 * reported.
 */
final class ListReader {

  private final ApiClient api;
  private final int pageSize;
  private final ObjectMapper mapper;

  ListReader(ApiClient api, int pageSize) {
    this.api = api;
    this.pageSize = pageSize;
    this.mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /**
   * What one list returned.
   *
   * @param notes what the user should know about how it went (a restarted list, an object that
   *     could not be decoded)
   */
  record Listing(List<HasMetadata> objects, List<String> notes) {}

  private record Page(List<HasMetadata> items, String continueToken) {}

  /**
   * @param namespace the namespace to list in, or null for the whole cluster
   * @param fieldSelector a field selector, or null
   */
  Listing list(ResourceType type, String namespace, String fieldSelector)
      throws ApiException, InterruptedException {
    String path = type.path(namespace);
    String selector =
        fieldSelector == null ? "" : "fieldSelector=" + ResourceType.encode(fieldSelector) + "&";
    List<String> notes = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    String token = null;
    boolean restarted = false;
    while (true) {
      String query = "?" + selector + "limit=" + pageSize;
      if (token != null) {
        query += "&continue=" + ResourceType.encode(token);
      }
      Page page;
      try {
        page = fetch(path + query, type, notes);
      } catch (ApiException e) {
        if (!e.isGone() || token == null) {
          throw e;
        }
        int lost = objects.size();
        objects.clear();
        if (!restarted) {
          restarted = true;
          token = null;
          notes.add(
              type.request(namespace)
                  + ": the continue token expired (410 Gone) after "
                  + lost
                  + " objects; the list was restarted");
          continue;
        }
        notes.add(
            type.request(namespace)
                + ": the continue token expired again; the list was read in one request");
        String whole =
            fieldSelector == null
                ? path
                : path + "?" + selector.substring(0, selector.length() - 1);
        return new Listing(fetch(whole, type, notes).items(), notes);
      }
      objects.addAll(page.items());
      token = page.continueToken();
      if (token == null) {
        return new Listing(objects, notes);
      }
    }
  }

  private Page fetch(String pathAndQuery, ResourceType type, List<String> notes)
      throws ApiException, InterruptedException {
    String accept = type.metadataOnly() ? ApiClient.METADATA_LIST : ApiClient.JSON;
    byte[] body = api.get(pathAndQuery, accept);
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      List<HasMetadata> items = new ArrayList<>();
      String token = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
          JsonNode meta = p.readValueAsTree();
          String next = meta.path("continue").asText("");
          token = next.isEmpty() ? null : next;
        } else if ("items".equals(field) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            ObjectNode item = p.readValueAsTree();
            decode(item, type, notes, items);
          }
        } else {
          p.skipChildren();
        }
      }
      return new Page(items, token);
    } catch (IOException e) {
      throw new ApiException(
          ApiException.MALFORMED,
          "the answer to " + type.request(null) + " is not a list: " + e.getMessage(),
          1,
          e);
    }
  }

  private void decode(
      ObjectNode item, ResourceType type, List<String> notes, List<HasMetadata> out) {
    JsonNode meta = item.get("metadata");
    if (meta instanceof ObjectNode m) {
      // Who wrote which field, per manager: often a third of an object, and never a verdict.
      m.remove("managedFields");
    }
    String name =
        meta == null
            ? "?"
            : meta.path("namespace").asText("") + "/" + meta.path("name").asText("?");
    try {
      if (type.metadataOnly()) {
        ObjectMeta metadata = mapper.treeToValue(meta, ObjectMeta.class);
        out.add(metadataOnly(type, metadata));
        return;
      }
      // Items of a list carry no apiVersion and kind: the list's type says them.
      item.put("apiVersion", type.apiVersion()).put("kind", type.kind());
      Class<? extends HasMetadata> model = ModelTypes.of(type.apiVersion(), type.kind());
      out.add(mapper.treeToValue(item, model));
    } catch (IOException | IllegalArgumentException e) {
      notes.add(type.kind() + " " + name + " cannot be decoded, skipped: " + e.getMessage());
    }
  }

  private static HasMetadata metadataOnly(ResourceType type, ObjectMeta metadata) {
    if ("Secret".equals(type.kind())) {
      return SecretMetadata.of(metadata, null);
    }
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(type.apiVersion());
    object.setKind(type.kind());
    object.setMetadata(metadata);
    return object;
  }
}
