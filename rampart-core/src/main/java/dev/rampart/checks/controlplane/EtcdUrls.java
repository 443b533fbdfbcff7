package dev.rampart.checks.controlplane;

import dev.rampart.checks.Violation;
import java.util.Locale;
import java.util.function.Consumer;

/** Plain-HTTP URLs in etcd's listen and advertise flags. */
final class EtcdUrls {

  private EtcdUrls() {}

  static void failPlainHttp(
      ControlPlanePod pod, String[] flags, String what, Consumer<Violation> fail) {
    for (String flag : flags) {
      for (String url : pod.list(flag)) {
        if (url.toLowerCase(Locale.ROOT).startsWith("http://")) {
          fail.accept(
              pod.violation(
                  flag,
                  url,
                  pod.name() + " serves " + what + " over plain HTTP: --" + flag + "=" + url));
        }
      }
    }
  }
}
