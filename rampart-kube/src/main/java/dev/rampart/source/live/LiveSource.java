package dev.rampart.source.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live source: reads a running cluster through the Kubernetes API into a {@link Snapshot},
 * read-only and agentless. Only GET requests, lists rather than watches, and Secrets as metadata
 * only; a few lists at a time, page by page.
 *
 * <p>What cannot be read does not stop the scan: a 403 or an API the server does not serve becomes
 * a {@link Gap} naming the missing permission, and the checks that need the kind are reported not
 * evaluated. Only a cluster that cannot be reached at all, or that rejects the credentials, ends
 * the read with a {@link LiveSourceException}.
 */
public final class LiveSource {

  /** The one Secret type the analyses need: tokens that never expire. */
  static final String TOKEN_SECRET = "kubernetes.io/service-account-token";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Connection connection;
  private final LiveOptions options;
  private final ApiClient api;
  private final ListReader lists;
  private final Progress progress;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger objects = new AtomicInteger();

  private LiveSource(Connection connection, LiveOptions options, Progress progress) {
    this.connection = connection;
    this.options = options;
    this.progress = progress;
    this.api =
        new ApiClient(
            connection.client().getHttpClient(),
            connection.server(),
            options.requestTimeout(),
            options.retry());
    this.lists = new ListReader(api, options.pageSize());
  }

  /**
   * Reads the cluster the options name.
   *
   * @throws LiveSourceException when there is no cluster to read, it cannot be reached, or it
   *     rejects the credentials
   */
  public static Snapshot read(LiveOptions options, Progress progress) {
    try (Connection connection = Connection.open(options)) {
      return new LiveSource(connection, options, progress).read();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LiveSourceException(
          LiveSourceException.Reason.UNREACHABLE, "interrupted while reading the cluster", e);
    }
  }

  /** What one read produced: objects, or the gap that stands for them, and notes. */
  private record Outcome(List<HasMetadata> objects, Gap gap, List<String> notes, String unread) {
    static Outcome of(List<HasMetadata> objects, List<String> notes) {
      return new Outcome(objects, null, notes, null);
    }

    static Outcome missing(Gap gap) {
      return new Outcome(List.of(), gap, List.of(), null);
    }

    /** A kubelet whose configuration could not be read, and why. */
    static Outcome unread(String why) {
      return new Outcome(List.of(), null, List.of(), why);
    }
  }

  /** What one read is for. */
  private enum Role {
    LIST,
    TOKEN_SECRETS,
    KUBELET
  }

  /**
   * One request or list to make.
   *
   * @param type the kind listed; null for a kubelet
   * @param scope the namespace, or null for cluster scope; for a kubelet, its node
   */
  private record Read(
      Role role, ResourceType type, String scope, String what, Callable<Outcome> task) {}

  private Read list(ResourceType type, String namespace, Role role) {
    String selector = role == Role.TOKEN_SECRETS ? "type=" + TOKEN_SECRET : null;
    return new Read(role, type, namespace, type.resource(), () -> list(type, namespace, selector));
  }

  private Snapshot read() throws InterruptedException {
    List<String> notes = new ArrayList<>();
    ClusterInfo cluster = version(notes);
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), LiveSource::daemon);
    try {
      List<Read> reads = new ArrayList<>();
      for (ResourceType type : ResourceType.BUILT_IN) {
        for (String namespace : scopes(type)) {
          reads.add(list(type, namespace, Role.LIST));
          if (type.kind().equals("Secret")) {
            reads.add(list(type, namespace, Role.TOKEN_SECRETS));
          }
        }
      }
      List<Outcome> outcomes = run(pool, reads);
      List<Gap> gaps = new ArrayList<>();
      List<Read> more = followUps(reads, outcomes, gaps);
      reads.addAll(more);
      outcomes.addAll(run(pool, more));
      return assemble(cluster, notes, reads, outcomes, gaps);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> scopes(ResourceType type) {
    List<String> scopes = new ArrayList<>();
    if (type.namespaced() && !options.namespaces().isEmpty()) {
      scopes.addAll(options.namespaces());
    } else {
      scopes.add(null);
    }
    return scopes;
  }

  /** {@code /version}; also the first contact, so an unreachable cluster ends here. */
  private ClusterInfo version(List<String> notes) throws InterruptedException {
    try {
      byte[] body = api.get("/version", ApiClient.JSON, options.retry().withRetries(2));
      return new ClusterInfo(MAPPER.readTree(body).path("gitVersion").asText(null));
    } catch (ApiException e) {
      if (e.isUnauthorized()) {
        throw unauthorized(e);
      }
      if (e.code() == ApiException.NO_RESPONSE || e.code() >= 500) {
        throw new LiveSourceException(
            LiveSourceException.Reason.UNREACHABLE,
            "cannot reach the Kubernetes API server at "
                + connection.server()
                + " ("
                + connection.name()
                + "): "
                + e.getMessage(),
            e);
      }
      notes.add("the server version is unknown: GET /version: " + e.getMessage());
    } catch (IOException e) {
      notes.add("the server version is unknown: the answer to GET /version is not JSON");
    }
    return ClusterInfo.UNKNOWN;
  }

  private Outcome list(ResourceType type, String namespace, String fieldSelector)
      throws InterruptedException {
    try {
      ListReader.Listing listing = lists.list(type, namespace, fieldSelector);
      return Outcome.of(listing.objects(), listing.notes());
    } catch (ApiException e) {
      if (e.isUnauthorized()) {
        throw unauthorized(e);
      }
      return Outcome.missing(Gaps.of(type, namespace, e));
    }
  }

  /**
   * What the first reads make known: the custom resources whose CRD is installed, and the nodes
   * whose kubelet configuration to read. When the CRDs or the nodes could not be listed, what
   * depends on them is a gap too.
   */
  private List<Read> followUps(List<Read> reads, List<Outcome> outcomes, List<Gap> gaps) {
    List<Read> more = new ArrayList<>();
    AtomicBoolean kubeletsForbidden = new AtomicBoolean();
    for (int i = 0; i < reads.size(); i++) {
      Read read = reads.get(i);
      Outcome outcome = outcomes.get(i);
      String kind = read.type().kind();
      if (kind.equals("CustomResourceDefinition")) {
        if (outcome.gap() != null) {
          gaps.addAll(Gaps.customResourcesUnknown(outcome.gap()));
        }
        for (HasMetadata o : outcome.objects()) {
          ResourceType.servedBy((CustomResourceDefinition) o)
              .ifPresent(type -> scopes(type).forEach(ns -> more.add(list(type, ns, Role.LIST))));
        }
      } else if (kind.equals("Node")) {
        if (outcome.gap() != null) {
          gaps.add(Gaps.kubeletsUnknown(outcome.gap()));
        }
        for (HasMetadata node : outcome.objects()) {
          String name = node.getMetadata().getName();
          more.add(
              new Read(
                  Role.KUBELET,
                  null,
                  name,
                  "kubelet " + name,
                  () -> kubelet(name, kubeletsForbidden)));
        }
      }
    }
    return more;
  }

  private Outcome kubelet(String node, AtomicBoolean forbidden) throws InterruptedException {
    if (forbidden.get()) {
      return Outcome.of(List.of(), List.of());
    }
    try {
      byte[] body = api.get(Kubelets.path(node), ApiClient.JSON, options.retry().withRetries(1));
      return Outcome.of(List.of(Kubelets.decode(node, body)), List.of());
    } catch (ApiException e) {
      if (e.isUnauthorized()) {
        throw unauthorized(e);
      }
      if (e.isForbidden()) {
        // Every kubelet is behind the same permission: one gap, the other reads stop.
        return forbidden.getAndSet(true)
            ? Outcome.of(List.of(), List.of())
            : Outcome.missing(Gaps.kubeletsForbidden(e));
      }
      return Outcome.unread(Gaps.said(e));
    } catch (IOException e) {
      return Outcome.unread(e.getMessage());
    }
  }

  private List<Outcome> run(ExecutorService pool, List<Read> reads) throws InterruptedException {
    total.addAndGet(reads.size());
    List<Future<Outcome>> futures = new ArrayList<>();
    for (Read read : reads) {
      futures.add(
          pool.submit(
              () -> {
                Outcome outcome = read.task().call();
                int count = objects.addAndGet(outcome.objects().size());
                progress.read(read.what(), done.incrementAndGet(), total.get(), count);
                return outcome;
              }));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      try {
        outcomes.add(future.get());
      } catch (ExecutionException e) {
        pool.shutdownNow();
        if (e.getCause() instanceof LiveSourceException fatal) {
          throw fatal;
        }
        throw new IllegalStateException("reading the cluster failed", e.getCause());
      }
    }
    return outcomes;
  }

  /**
   * The snapshot, in a stable order: kinds as listed, objects as the server returned them. The
   * token-Secret lists only tell which Secrets are tokens; each gap is kept once.
   */
  private Snapshot assemble(
      ClusterInfo cluster,
      List<String> notes,
      List<Read> reads,
      List<Outcome> outcomes,
      List<Gap> derived) {
    Set<String> tokens = new HashSet<>();
    Map<String, Gap> gaps = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(notes);
    Map<String, List<String>> unreadKubelets = new LinkedHashMap<>();
    for (int i = 0; i < reads.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.gap() != null) {
        gaps.putIfAbsent(gapKey(outcome.gap()), outcome.gap());
      }
      warnings.addAll(outcome.notes());
      if (outcome.unread() != null) {
        String node = reads.get(i).scope();
        unreadKubelets.computeIfAbsent(outcome.unread(), k -> new ArrayList<>()).add(node);
      }
      if (reads.get(i).role() == Role.TOKEN_SECRETS) {
        outcome.objects().forEach(o -> tokens.add(key(o)));
      }
    }
    unreadKubelets.forEach((why, nodes) -> warnings.add(Gaps.kubeletsUnread(nodes, why)));
    List<KubeObject> kept = new ArrayList<>();
    for (int i = 0; i < reads.size(); i++) {
      if (reads.get(i).role() == Role.TOKEN_SECRETS) {
        continue;
      }
      for (HasMetadata o : outcomes.get(i).objects()) {
        if (o instanceof Secret secret && tokens.contains(key(o))) {
          secret.setType(TOKEN_SECRET);
        }
        kept.add(new KubeObject(o, Origin.UNKNOWN));
      }
    }
    String where = connection.name();
    List<InputProblem> problems = new ArrayList<>();
    warnings.forEach(w -> problems.add(InputProblem.warning(where, 0, 0, w)));
    gaps.values().forEach(g -> problems.add(g.asProblem(where)));
    // What follows from a gap already told (no CRDs, so no custom resources) is not told again.
    derived.forEach(g -> gaps.putIfAbsent(gapKey(g), g));
    return new Snapshot(
        connection.description(), kept, problems, cluster, List.copyOf(gaps.values()));
  }

  /**
   * The same kind refused the same way in the same scope is one gap (two Secret lists fail alike).
   */
  private static String gapKey(Gap g) {
    return g.apiVersion() + "/" + g.kind() + "/" + g.namespace() + "/" + g.message();
  }

  private static String key(HasMetadata o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  private LiveSourceException unauthorized(ApiException e) {
    return new LiveSourceException(
        LiveSourceException.Reason.UNAUTHORIZED,
        "the API server at "
            + connection.server()
            + " rejected the credentials of "
            + connection.name()
            + " (401 Unauthorized): log in again or renew the token",
        e);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rampart-live");
    t.setDaemon(true);
    return t;
  }
}
