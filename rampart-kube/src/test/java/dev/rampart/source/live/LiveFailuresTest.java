package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 403, 404, 429, 5xx, timeouts, pagination and expired continue tokens, on the mock server. */
class LiveFailuresTest {

  private static final String TOKEN_SELECTOR =
      "fieldSelector=type%3Dkubernetes.io%2Fservice-account-token&";

  @TempDir Path dir;
  private MockCluster cluster;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    cluster = new MockCluster().with(pod("shop", "web"), pod("shop", "api"), pod("ci", "runner"));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aForbiddenKindBecomesAGapNamingThePermissionAndTheRestIsRead() {
    for (String query : List.of("", TOKEN_SELECTOR)) {
      cluster
          .expect()
          .get()
          .withPath("/api/v1/secrets?" + query + "limit=500")
          .andReturn(403, MockCluster.forbidden("secrets", "", null))
          .always();
    }

    Snapshot snapshot = read(options());

    assertThat(snapshot.gaps())
        .containsExactly(
            new Gap(
                "v1",
                "Secret",
                null,
                Gap.Cause.FORBIDDEN,
                "list secrets (metadata) at cluster scope: forbidden for"
                    + " system:serviceaccount:rampart:scanner"));
    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .containsExactly(
            "context mock: Secret not read: list secrets (metadata) at cluster scope: forbidden"
                + " for system:serviceaccount:rampart:scanner");
    assertThat(snapshot.problems()).noneMatch(InputProblem::isError);
    assertThat(snapshot.ofKind("Pod")).hasSize(3);
  }

  @Test
  void anApiTheServerDoesNotServeIsAGap() {
    cluster
        .expect()
        .get()
        .withPath("/apis/batch/v1/cronjobs?limit=500")
        .andReturn(404, MockCluster.status(404, "NotFound", "the server could not find it"))
        .always();

    Snapshot snapshot = read(options());

    assertThat(snapshot.gaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.cause()).isEqualTo(Gap.Cause.NOT_SERVED);
              assertThat(g.describe())
                  .isEqualTo(
                      "CronJob not read: list cronjobs.batch at cluster scope: the API server does"
                          + " not serve batch/v1 cronjobs");
            });
  }

  @Test
  void withoutTheCrdsTheOptionalApisAreGapsTooButToldOnce() {
    cluster
        .expect()
        .get()
        .withPath("/apis/apiextensions.k8s.io/v1/customresourcedefinitions?limit=500")
        .andReturn(
            403, MockCluster.forbidden("customresourcedefinitions", "apiextensions.k8s.io", null))
        .always();

    Snapshot snapshot = read(options());

    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .containsExactly(
            "context mock: CustomResourceDefinition not read: list"
                + " customresourcedefinitions.apiextensions.k8s.io at cluster scope: forbidden for"
                + " system:serviceaccount:rampart:scanner");
    assertThat(snapshot.gaps())
        .extracting(Gap::kind)
        .contains("CustomResourceDefinition", "HTTPRoute", "CiliumNetworkPolicy")
        .hasSize(1 + ResourceType.OPTIONAL.size());
  }

  @Test
  void throttlingIsRetriedAfterWhatTheServerAsks() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=500")
        .andReturn(429, MockCluster.status(429, "TooManyRequests", "slow down"))
        .withHeader("Retry-After", "3")
        .once();

    Snapshot snapshot = read(options());

    assertThat(snapshot.ofKind("Pod")).hasSize(3);
    assertThat(snapshot.gaps()).isEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterBeyondTheLimitIsCut() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=500")
        .andReturn(429, MockCluster.status(429, "TooManyRequests", "slow down"))
        .withHeader("Retry-After", "3600")
        .once();

    read(options());

    assertThat(waits).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=500")
        .andReturn(503, MockCluster.status(503, "ServiceUnavailable", "etcd leader changed"))
        .times(3);

    Snapshot snapshot = read(options());

    assertThat(snapshot.ofKind("Pod")).hasSize(3);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
  }

  @Test
  void aKindThatKeepsFailingIsAnErrorAndTheRestIsRead() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/configmaps?limit=500")
        .andReturn(500, MockCluster.status(500, "InternalError", "etcdserver: request timed out"))
        .always();

    Snapshot snapshot = read(options());

    assertThat(snapshot.gaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.cause()).isEqualTo(Gap.Cause.FAILED);
              assertThat(g.message())
                  .isEqualTo(
                      "list configmaps at cluster scope: HTTP 500: etcdserver: request timed out"
                          + " (after 6 attempts)");
            });
    assertThat(snapshot.problems()).anyMatch(InputProblem::isError);
    assertThat(snapshot.ofKind("Pod")).hasSize(3);
  }

  @Test
  void aRequestThatTimesOutIsRetried() {
    cluster
        .expect()
        .get()
        .delay(3_000)
        .withPath("/api/v1/pods?limit=500")
        .andReturn(200, new PodListBuilder().build())
        .once();

    Snapshot snapshot = read(options().withRequestTimeout(Duration.ofMillis(500)));

    assertThat(snapshot.ofKind("Pod")).hasSize(3);
    assertThat(waits).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void listsArePaged() {
    page("/api/v1/pods?limit=2", "c1", pod("shop", "a"), pod("shop", "b"));
    page("/api/v1/pods?limit=2&continue=c1", null, pod("shop", "c"));

    Snapshot snapshot = read(options().withLimits(4, 2));

    assertThat(snapshot.ofKind("Pod")).extracting(o -> o.name()).containsExactly("a", "b", "c");
  }

  @Test
  void anExpiredContinueTokenRestartsTheList() {
    page("/api/v1/pods?limit=2", "old", pod("shop", "a"), pod("shop", "b"));
    expired("/api/v1/pods?limit=2&continue=old", 1);
    page("/api/v1/pods?limit=2", "new", pod("shop", "a"), pod("shop", "b2"));
    page("/api/v1/pods?limit=2&continue=new", null, pod("shop", "c"));

    Snapshot snapshot = read(options().withLimits(4, 2));

    assertThat(snapshot.ofKind("Pod")).extracting(o -> o.name()).containsExactly("a", "b2", "c");
    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .containsExactly(
            "context mock: list pods at cluster scope: the continue token expired (410 Gone)"
                + " after 2 objects; the list was restarted");
  }

  @Test
  void aContinueTokenThatExpiresTwiceFallsBackToOneRequest() {
    for (String token : List.of("t1", "t2")) {
      page("/api/v1/pods?limit=2", token, pod("shop", "a"), pod("shop", "b"));
      expired("/api/v1/pods?limit=2&continue=" + token, 1);
    }
    cluster
        .expect()
        .get()
        .withPath("/api/v1/pods")
        .andReturn(200, new PodListBuilder().withItems(pod("shop", "a"), pod("shop", "z")).build())
        .once();

    Snapshot snapshot = read(options().withLimits(4, 2));

    assertThat(snapshot.ofKind("Pod")).extracting(o -> o.name()).containsExactly("a", "z");
    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .last()
        .isEqualTo(
            "context mock: list pods at cluster scope: the continue token expired again; the"
                + " list was read in one request");
  }

  @Test
  void aForbiddenKubeletProxyIsOneGap() {
    cluster.with(node("worker-1"), node("worker-2"), node("worker-3"));
    for (String node : List.of("worker-1", "worker-2", "worker-3")) {
      cluster
          .expect()
          .get()
          .withPath("/api/v1/nodes/" + node + "/proxy/configz")
          .andReturn(403, MockCluster.forbidden("nodes/proxy", "", null))
          .always();
    }

    Snapshot snapshot = read(options());

    assertThat(snapshot.gaps())
        .extracting(Gap::describe)
        .containsExactly(
            "KubeletConfiguration not read: get nodes/proxy (kubelet configz) at cluster scope:"
                + " forbidden for system:serviceaccount:rampart:scanner");
    assertThat(snapshot.ofKind("Node")).hasSize(3);
  }

  @Test
  void anUnreachableKubeletIsAWarningForItsNodeOnly() {
    cluster.with(node("worker-1"));
    cluster
        .expect()
        .get()
        .withPath("/api/v1/nodes/worker-1/proxy/configz")
        .andReturn(
            502, MockCluster.status(502, "BadGateway", "dial tcp 10.0.0.5:10250: i/o timeout"))
        .always();

    Snapshot snapshot = read(options());

    assertThat(snapshot.gaps()).isEmpty();
    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .containsExactly(
            "context mock: the kubelet configuration of node worker-1 not read: HTTP 502: dial"
                + " tcp 10.0.0.5:10250: i/o timeout (after 2 attempts)");
  }

  @Test
  void kubeletsThatFailAlikeAreOneWarning() {
    List<String> nodes = List.of("worker-1", "worker-2", "worker-3", "worker-4");
    for (String node : nodes) {
      cluster.with(node(node));
      cluster
          .expect()
          .get()
          .withPath("/api/v1/nodes/" + node + "/proxy/configz")
          .andReturn(404, MockCluster.status(404, "NotFound", "the server could not find it"))
          .always();
    }

    Snapshot snapshot = read(options());

    assertThat(snapshot.problems())
        .extracting(InputProblem::describe)
        .containsExactly(
            "context mock: the kubelet configuration of 4 nodes (worker-1, worker-2, worker-3"
                + " and 1 more) not read: HTTP 404: the server could not find it");
  }

  @Test
  void rejectedCredentialsEndTheRead() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/namespaces?limit=500")
        .andReturn(401, MockCluster.status(401, "Unauthorized", "Unauthorized"))
        .always();

    assertThatThrownBy(() -> read(options()))
        .isInstanceOfSatisfying(
            LiveSourceException.class,
            e -> assertThat(e.reason()).isEqualTo(LiveSourceException.Reason.UNAUTHORIZED))
        .hasMessage(
            "the API server at "
                + cluster.url()
                + " rejected the credentials of context mock (401 Unauthorized): log in again or"
                + " renew the token");
  }

  @Test
  void anUnreachableServerEndsTheReadNamingItAndTheCause() {
    LiveOptions options = options();
    String url = cluster.url();
    cluster.close();

    assertThatThrownBy(() -> read(options))
        .isInstanceOfSatisfying(
            LiveSourceException.class,
            e -> assertThat(e.reason()).isEqualTo(LiveSourceException.Reason.UNREACHABLE))
        .hasMessageStartingWith(
            "cannot reach the Kubernetes API server at " + url + " (context mock): ")
        .hasMessageContaining("connection refused");
    cluster = new MockCluster();
  }

  private LiveOptions options() {
    return cluster.options(dir, waits);
  }

  private static Snapshot read(LiveOptions options) {
    return LiveSource.read(options, Progress.NONE);
  }

  private void page(String path, String next, Pod... pods) {
    cluster
        .expect()
        .get()
        .withPath(path)
        .andReturn(
            200,
            new PodListBuilder()
                .withNewMetadata()
                .withContinue(next)
                .endMetadata()
                .withItems(pods)
                .build())
        .once();
  }

  private void expired(String path, int times) {
    cluster
        .expect()
        .get()
        .withPath(path)
        .andReturn(
            410,
            MockCluster.status(
                410,
                "Expired",
                "The provided continue parameter is too old to display a consistent list result."))
        .times(times);
  }

  private static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
