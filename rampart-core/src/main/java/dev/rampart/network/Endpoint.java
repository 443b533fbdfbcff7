package dev.rampart.network;

/**
 * One end of a connection: the pods of a workload ({@link PodEndpoint}) or addresses outside the
 * pod network ({@link ExternalEndpoint}).
 */
public sealed interface Endpoint permits PodEndpoint, ExternalEndpoint {

  /** How to name this end to a person, e.g. {@code payments/StatefulSet/payments-postgres}. */
  String display();
}
