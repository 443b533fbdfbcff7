package dev.rampart.cli;

/** Entry point of the runnable jar. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.println("rampart 0.1.0-SNAPSHOT");
  }
}
