package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiResourcesTest {

  @Test
  void readsResourceGroupAndSubresource() {
    Request q = ApiResources.request("create", "pods/exec", "shop", "");
    assertThat(q.apiGroup()).isEmpty();
    assertThat(q.resource()).isEqualTo("pods");
    assertThat(q.subresource()).isEqualTo("exec");
    assertThat(q.namespace()).isEqualTo("shop");

    Request scale = ApiResources.request("update", "deployments.apps/scale", "shop", "web");
    assertThat(scale.apiGroup()).isEqualTo("apps");
    assertThat(scale.combinedResource()).isEqualTo("deployments/scale");
    assertThat(scale.name()).isEqualTo("web");

    assertThat(ApiResources.request("get", "deployments", null, "").apiGroup()).isEqualTo("apps");
    assertThat(ApiResources.request("get", "widgets.example.com", null, "").apiGroup())
        .isEqualTo("example.com");
    assertThat(ApiResources.request("get", "widgets", null, "").apiGroup())
        .as("unknown resource: any group")
        .isNull();
  }

  @Test
  void clusterScopedResourcesIgnoreTheNamespace() {
    assertThat(ApiResources.request("get", "nodes", "shop", "").namespace()).isNull();
    assertThat(ApiResources.request("create", "persistentvolumes", "shop", "").namespace())
        .isNull();
    assertThat(ApiResources.request("get", "secrets", "shop", "").namespace()).isEqualTo("shop");
  }

  @Test
  void readsNonResourceUrls() {
    Request q = ApiResources.request("get", "/metrics", "shop", "");
    assertThat(q.isResourceRequest()).isFalse();
    assertThat(q.path()).isEqualTo("/metrics");
  }

  @Test
  void rejectsMalformedResources() {
    for (String bad : new String[] {"", "pods/", "/exec".substring(1) + "/a/b", "po ds"}) {
      assertThatThrownBy(() -> ApiResources.request("get", bad, null, ""))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
