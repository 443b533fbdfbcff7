package dev.rampart.source.synthetic;

import static dev.rampart.source.synthetic.Doc.list;
import static dev.rampart.source.synthetic.Doc.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Pod specs with weaknesses drawn at the rates of {@link Rates}. */
final class PodTemplates {

  private static final String[] RUNTIMES = {"nginx", "python", "node", "openjdk", "golang"};
  private static final String[] SIDECARS = {"envoy", "fluent-bit", "oauth2-proxy", "vault-agent"};
  private static final String[] CAPABILITIES = {"SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE"};
  private static final String[] SENSITIVE_HOST_PATHS = {
    "/", "/var/run/docker.sock", "/run/containerd/containerd.sock", "/etc", "/proc"
  };
  private static final String[] HOST_PATHS = {"/var/log", "/var/lib/app-cache", "/tmp/scratch"};

  private final Random random;

  PodTemplates(Random random) {
    this.random = random;
  }

  boolean roll(double rate) {
    return random.nextDouble() < rate;
  }

  double uniform() {
    return random.nextDouble();
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A pod spec for an application container.
   *
   * @param secrets the namespace's secrets an environment variable may reference
   */
  Map<String, Object> spec(
      String team, String app, String serviceAccount, List<String> secrets, boolean job) {
    List<Object> containers = list(container(team, app, secrets, job));
    if (!job && roll(Rates.SIDECAR)) {
      String sidecar = pick(SIDECARS);
      containers.add(
          map(
              "name",
              sidecar,
              "image",
              "ghcr.io/example/" + sidecar + ":1." + random.nextInt(20) + ".0",
              "resources",
              resources()));
    }
    Map<String, Object> spec =
        map(
            "serviceAccountName",
            serviceAccount,
            "automountServiceAccountToken",
            roll(Rates.NO_TOKEN_AUTOMOUNT) ? false : null,
            "hostNetwork",
            roll(Rates.HOST_NETWORK) ? true : null,
            "hostPID",
            roll(Rates.HOST_PID) ? true : null,
            "restartPolicy",
            job ? "OnFailure" : null,
            "securityContext",
            roll(Rates.RUN_AS_NON_ROOT)
                ? map("runAsNonRoot", true, "runAsUser", 10001, "seccompProfile", runtimeDefault())
                : null,
            "containers",
            containers);
    if (roll(Rates.HOST_PATH)) {
      String path = roll(Rates.HOST_PATH_SENSITIVE) ? pick(SENSITIVE_HOST_PATHS) : pick(HOST_PATHS);
      spec.put("volumes", list(map("name", "host", "hostPath", map("path", path))));
      firstContainer(spec).put("volumeMounts", list(map("name", "host", "mountPath", "/host")));
    }
    return spec;
  }

  private Map<String, Object> container(
      String team, String app, List<String> secrets, boolean job) {
    Map<String, Object> c =
        map(
            "name",
            app,
            "image",
            image(team, app),
            "imagePullPolicy",
            random.nextBoolean() ? "IfNotPresent" : null,
            "ports",
            job ? null : list(map("name", "http", "containerPort", 8080, "protocol", "TCP")),
            "env",
            env(app, secrets));
    if (!roll(Rates.MISSING_LIMITS)) {
      c.put("resources", resources());
    } else if (!roll(Rates.MISSING_REQUESTS)) {
      c.put("resources", map("requests", map("cpu", "100m", "memory", "128Mi")));
    }
    if (!job && !roll(Rates.NO_PROBES)) {
      Map<String, Object> probe = map("httpGet", map("path", "/healthz", "port", "http"));
      c.put("readinessProbe", probe);
      c.put("livenessProbe", Doc.copy(probe));
    }
    c.put("securityContext", securityContext());
    return c;
  }

  private Map<String, Object> securityContext() {
    if (roll(Rates.PRIVILEGED)) {
      return map("privileged", true);
    }
    List<Object> add = roll(Rates.DANGEROUS_CAPABILITY) ? list(pick(CAPABILITIES)) : null;
    boolean dropAll = roll(Rates.DROP_ALL);
    return map(
        "allowPrivilegeEscalation",
        dropAll ? false : null,
        "readOnlyRootFilesystem",
        roll(Rates.READ_ONLY_ROOT) ? true : null,
        "capabilities",
        add == null && !dropAll ? null : map("add", add, "drop", dropAll ? list("ALL") : null));
  }

  private String image(String team, String app) {
    String repository =
        roll(Rates.UNTRUSTED_REGISTRY)
            ? "docker.io/" + pick(RUNTIMES)
            : "registry.example.com/" + team + "/" + app;
    if (roll(Rates.NO_TAG)) {
      return repository;
    }
    if (roll(Rates.LATEST_TAG)) {
      return repository + ":latest";
    }
    String tag = ":" + (1 + random.nextInt(4)) + "." + random.nextInt(30) + "." + random.nextInt(9);
    if (roll(Rates.DIGEST)) {
      return repository + tag + "@sha256:" + hex(64);
    }
    return repository + tag;
  }

  private List<Object> env(String app, List<String> secrets) {
    List<Object> env = list(map("name", "APP_NAME", "value", app));
    env.add(map("name", "LOG_LEVEL", "value", random.nextBoolean() ? "info" : "debug"));
    if (!secrets.isEmpty() && roll(Rates.SECRET_ENV)) {
      String secret = secrets.get(random.nextInt(secrets.size()));
      env.add(
          map(
              "name",
              "DB_PASSWORD",
              "valueFrom",
              map("secretKeyRef", map("name", secret, "key", "password"))));
    }
    return env;
  }

  private static Map<String, Object> resources() {
    return map(
        "requests",
        map("cpu", "100m", "memory", "128Mi"),
        "limits",
        map("cpu", "500m", "memory", "512Mi"));
  }

  static Map<String, Object> runtimeDefault() {
    return map("type", "RuntimeDefault");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> firstContainer(Map<String, Object> spec) {
    return (Map<String, Object>) ((List<Object>) spec.get("containers")).get(0);
  }

  /** Lower-case hex: uids, digests, pod name suffixes. */
  String hex(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(Character.forDigit(random.nextInt(16), 16));
    }
    return s.toString();
  }

  /** The random suffix kube-controller-manager gives ReplicaSets and Pods. */
  String suffix(int length) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** A stable, unique uid made from the random stream, in the usual 8-4-4-4-12 shape. */
  String uid() {
    String h = hex(32);
    return String.join(
        "-",
        new ArrayList<>(
            List.of(
                h.substring(0, 8),
                h.substring(8, 12),
                h.substring(12, 16),
                h.substring(16, 20),
                h.substring(20))));
  }
}
