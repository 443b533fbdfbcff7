package dev.rampart.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the server listens and who may call its API.
 *
 * @param bind the address to bind: 127.0.0.1 unless told otherwise
 * @param port 0 for any free port
 * @param token the bearer token the API requires; null for none, which only a loopback bind allows
 */
public record ServerOptions(String bind, int port, String token) {

  public static final String DEFAULT_BIND = "127.0.0.1";

  public ServerOptions {
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token == null && !loopback(bind)) {
      throw new IllegalArgumentException(
          "a token is required when binding to " + bind + ", which is not a loopback address");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
  }

  /** Whether only this machine can connect: every other address needs a token. */
  public static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
