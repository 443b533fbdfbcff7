package dev.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.store.ScanStore;
import dev.rampart.store.TestDatabase;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may call the API: a bearer token whenever one is set, and always off the loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest {

  private static final String TOKEN = Tokens.generate();

  private TestDatabase db;
  private RampartServer server;
  private Http http;

  @BeforeAll
  void start() {
    db = TestDatabase.h2();
    // Bound to every address, as a team server would be: the token is mandatory there.
    server =
        RampartServer.create(
                new ScanStore(db.database().dataSource()),
                null,
                new ServerOptions("0.0.0.0", 0, TOKEN))
            .start();
    http = new Http(server.port(), null);
  }

  @AfterAll
  void stop() {
    server.close();
    db.close();
  }

  @Test
  void theApiNeedsTheToken() {
    Http.Response none = http.get("/api/v1/scans");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(none.json().path("error").asText()).contains("token");
    assertThat(http.withToken("wrong").get("/api/v1/scans").status()).isEqualTo(401);
    assertThat(http.withToken(TOKEN + "x").get("/api/v1/scans").status()).isEqualTo(401);
    assertThat(http.withToken(TOKEN).get("/api/v1/scans").status()).isEqualTo(200);
    assertThat(http.post("/api/v1/scans").status()).isEqualTo(401);
    // Unknown ids do not tell an anonymous caller which scans exist.
    assertThat(http.get("/api/v1/scans/1").status()).isEqualTo(401);
  }

  @Test
  void healthAndTheStaticPageNeedNoToken() {
    assertThat(http.get("/healthz").status()).isEqualTo(200);
    assertThat(http.get("/").status()).isEqualTo(200);
    assertThat(http.get("/api/openapi.json").status()).isEqualTo(200);
  }

  @Test
  void withoutAScanSourceAPostIsAConflict() {
    assertThat(http.withToken(TOKEN).post("/api/v1/scans").status()).isEqualTo(409);
  }

  @Test
  void aNonLoopbackBindWithoutATokenIsRefused() {
    assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 0, null))
        .hasMessageContaining("token is required");
    assertThatThrownBy(() -> new ServerOptions("10.1.2.3", 0, " "))
        .hasMessageContaining("token is required");
    assertThat(new ServerOptions("127.0.0.1", 0, null).token()).isNull();
    assertThat(new ServerOptions("::1", 0, null).token()).isNull();
  }

  @Test
  void generatedTokensAreLongAndDistinct() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      tokens.add(Tokens.generate());
    }
    assertThat(tokens).hasSize(100);
    assertThat(TOKEN).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Tokens.matches("bearer " + TOKEN, TOKEN)).isTrue();
    assertThat(Tokens.matches(TOKEN, TOKEN)).isFalse();
    assertThat(Tokens.matches(null, TOKEN)).isFalse();
  }
}
