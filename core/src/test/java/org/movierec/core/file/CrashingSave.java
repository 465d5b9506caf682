package org.movierec.core.file;

import java.nio.file.Path;

/**
 * A program that saves a large model file; run in a separate JVM with {@link
 * AtomicFiles#HALT_AFTER_BYTES} set, it dies halfway through the save as a power cut would.
 */
public final class CrashingSave {

  private CrashingSave() {}

  /** Saves a model file of {@code args[1]} floats to {@code args[0]}, labelled {@code args[2]}. */
  public static void main(String[] args) throws Exception {
    float[] values = new float[Integer.parseInt(args[1])];
    java.util.Arrays.fill(values, 0.25f);
    ModelFile.writer("test")
        .text("info", args[2])
        .section("values", new SectionWriter().putFloats(values))
        .writeTo(Path.of(args[0]));
  }
}
