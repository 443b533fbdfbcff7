package dev.rampart.network;

/**
 * A port a pod's container declares: what a named port in a NetworkPolicy or a Service resolves
 * against.
 *
 * @param name the port's name, or null
 * @param hostPort the node port it is bound to ({@code hostPort}), 0 when none
 */
public record PodPort(String container, String name, int number, Protocol protocol, int hostPort) {}
