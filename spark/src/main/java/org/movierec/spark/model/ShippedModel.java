package org.movierec.spark.model;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;

/**
 * A model file sent to every executor once, as a broadcast of its bytes, and loaded there at most
 * once per JVM: tasks call {@link #model()} and share the loaded model through {@link
 * ExecutorModels}, keyed by the file's fingerprint. Serializable, so that Spark functions can carry
 * it; only the broadcast handle travels with each task.
 */
public final class ShippedModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> bytes;
  private final String fingerprint;
  private final String origin;
  private final ColdStartPolicy coldStart;

  private ShippedModel(
      Broadcast<byte[]> bytes, String fingerprint, String origin, ColdStartPolicy coldStart) {
    this.bytes = bytes;
    this.fingerprint = fingerprint;
    this.origin = origin;
    this.coldStart = coldStart;
  }

  /**
   * Reads a model file on the driver and broadcasts it; the backend that wrote it is found by the
   * name in the file when an executor first loads it.
   *
   * @throws IOException when the file cannot be read
   */
  public static ShippedModel ship(SparkSession spark, Path file, ColdStartPolicy coldStart)
      throws IOException {
    Objects.requireNonNull(coldStart, "coldStart");
    byte[] content = Files.readAllBytes(file);
    Broadcast<byte[]> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(content);
    return new ShippedModel(broadcast, fingerprintOf(content), file.toString(), coldStart);
  }

  /** The model, loaded on first use in this JVM and shared by every task here afterwards. */
  public Model model() {
    return ExecutorModels.get(this);
  }

  /**
   * A SHA-256 of the file's bytes and the cold-start policy: what the per-JVM cache is keyed by.
   */
  public String fingerprint() {
    return fingerprint + "/" + coldStart;
  }

  /** Where the file came from on the driver, for messages. */
  public String origin() {
    return origin;
  }

  /** What the model does with users and movies it never saw. */
  public ColdStartPolicy coldStart() {
    return coldStart;
  }

  /** The file's bytes, fetched from the broadcast on first use in this JVM. */
  byte[] bytes() {
    return bytes.value();
  }

  /**
   * Frees the loaded model in this JVM and removes the broadcast from the executors; tasks that use
   * it afterwards fail.
   */
  public void release() {
    ExecutorModels.release(fingerprint());
    bytes.destroy();
  }

  private static String fingerprintOf(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java 17 has", e);
    }
  }
}
