package org.movierec.core.training;

/**
 * Where a backend runs the arithmetic of a training step (forward pass, backward pass and optimizer
 * update): on its tensor engine, or in plain Java on the JVM.
 */
public enum TrainingStepKind {
  /** The backend's choice: the JVM step where it covers the network and device, else the engine. */
  AUTO,
  /**
   * The tensor engine, for every network and device; the reference the JVM step is tested against.
   */
  ENGINE,
  /**
   * Plain Java loops on one thread, on the CPU only: no per-call overhead of a native engine, which
   * dominates a step of a small network. Networks the JVM step does not cover still train on the
   * engine.
   */
  JVM
}
