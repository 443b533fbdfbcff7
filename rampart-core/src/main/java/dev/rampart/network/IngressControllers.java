package dev.rampart.network;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Which workload serves an Ingress: the controller named by its IngressClass ({@code
 * spec.ingressClassName}, the legacy annotation, or the default class), recognized by the
 * controller's command line ({@code --controller-class}, {@code --ingress-class}) or, for
 * ingress-nginx without those flags, by its image.
 */
final class IngressControllers {

  private static final String DEFAULT_CLASS = "ingressclass.kubernetes.io/is-default-class";
  private static final String NGINX_CONTROLLER = "k8s.io/ingress-nginx";

  private final Snapshot snapshot;

  IngressControllers(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** The workloads that serve {@code ingress}; empty when none is recognized. */
  List<Workload> serving(KubeObject ingress) {
    Ingress i = ingress.as(Ingress.class);
    String className =
        i.getSpec() != null && i.getSpec().getIngressClassName() != null
            ? i.getSpec().getIngressClassName()
            : ingress.annotations().get("kubernetes.io/ingress.class");
    KubeObject ingressClass = null;
    for (KubeObject c : snapshot.ofKind("IngressClass")) {
      boolean named = className != null && className.equals(c.name());
      boolean byDefault = className == null && "true".equals(c.annotations().get(DEFAULT_CLASS));
      if (named || byDefault) {
        ingressClass = c;
        break;
      }
    }
    String controller = null;
    if (ingressClass != null
        && ingressClass.resource() instanceof IngressClass ic
        && ic.getSpec() != null) {
      controller = ic.getSpec().getController();
      className = ingressClass.name();
    }
    // The answer depends on the class and controller only: asked once per pair, not once per
    // Ingress (every workload was read for each of them, ingresses times workloads).
    return byClass.computeIfAbsent(
        java.util.Arrays.asList(className, controller), k -> servingClass(k.get(0), k.get(1)));
  }

  private final java.util.Map<List<String>, List<Workload>> byClass = new java.util.HashMap<>();

  private List<Workload> servingClass(String className, String controller) {
    List<Workload> result = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      if (serves(w, className, controller)) {
        result.add(w);
      }
    }
    return List.copyOf(result);
  }

  private static boolean serves(Workload w, String className, String controller) {
    if (w.spec().getContainers() == null) {
      return false;
    }
    for (Container c : w.spec().getContainers()) {
      List<String> words = new ArrayList<>();
      if (c.getCommand() != null) {
        words.addAll(c.getCommand());
      }
      if (c.getArgs() != null) {
        words.addAll(c.getArgs());
      }
      boolean flags = false;
      for (String word : words) {
        if (word == null) {
          continue;
        }
        if (word.startsWith("--controller-class=")) {
          flags = true;
          if (word.substring("--controller-class=".length()).equals(controller)) {
            return true;
          }
        }
        if (word.startsWith("--ingress-class=")) {
          flags = true;
          if (word.substring("--ingress-class=".length()).equals(className)) {
            return true;
          }
        }
      }
      if (!flags
          && NGINX_CONTROLLER.equals(controller)
          && c.getImage() != null
          && c.getImage().contains("ingress-nginx/controller")) {
        return true;
      }
    }
    return false;
  }
}
