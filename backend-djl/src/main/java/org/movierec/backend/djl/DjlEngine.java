package org.movierec.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.engine.StandardCapabilities;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to DJL's PyTorch engine, always offline: DJL must never download natives or call home, so
 * the offline switches are set before DJL's {@link Engine} class first loads.
 */
final class DjlEngine {

  /** DJL's name of the PyTorch engine. */
  static final String ENGINE_NAME = "PyTorch";

  /**
   * The intra-op threads used when the configuration leaves the choice to the backend. One, because
   * the recommender's tensors are small (a batch of 256 by 60): PyTorch splits little of the work,
   * while every parallel region waits for all of OpenMP's threads, and a thread that loses its core
   * to another process stalls each of the thousands of regions in an epoch. On a shared two-core
   * machine two threads ran up to 15 times slower than one (BENCHMARKS.md).
   */
  static final int DEFAULT_THREADS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(DjlEngine.class);

  static {
    goOffline();
  }

  private DjlEngine() {}

  /**
   * Sets DJL's offline switches: {@code offline} (read by DJL 0.21) and {@code ai.djl.offline}
   * (read by later versions). Must run before DJL's {@code Engine} class loads; every class here
   * that touches DJL goes through this class first.
   */
  static void goOffline() {
    System.setProperty("offline", "true");
    System.setProperty("ai.djl.offline", "true");
  }

  /**
   * The PyTorch engine with its intra-op thread count set, and MKL's code path chosen for the
   * processor ({@link DjlMklDispatch}).
   *
   * @param threads intra-op threads; 0 picks {@link #DEFAULT_THREADS}
   * @throws IllegalStateException when the PyTorch natives cannot be loaded
   */
  static Engine start(int threads) {
    DjlMklDispatch.apply();
    Engine engine = engine();
    setIntraOpThreads(threads > 0 ? threads : DEFAULT_THREADS);
    return engine;
  }

  /** The PyTorch engine as it is. */
  static Engine engine() {
    try {
      return Engine.getEngine(ENGINE_NAME);
    } catch (EngineException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot start DJL's PyTorch engine ("
              + e.getMessage()
              + "); the backend-djl jar needs pytorch-engine, pytorch-jni and the pytorch-native"
              + " jar on the class path",
          e);
    }
  }

  /** The engine's name and version as models record it, e.g. {@code PyTorch 1.13.1}. */
  static String describe(Engine engine) {
    return engine.getEngineName() + " " + engine.getVersion();
  }

  /** Which natives the engine carries: CUDA-capable or CPU only. */
  static DjlDevices.NativeFlavor flavor(Engine engine) {
    return engine.hasCapability(StandardCapabilities.CUDA)
        ? DjlDevices.NativeFlavor.CUDA
        : DjlDevices.NativeFlavor.CPU;
  }

  /**
   * Sets PyTorch's intra-op thread count. DJL's API reads it only once, from a system property at
   * engine start; the engine's own entry point changes it at any time, so it is called reflectively
   * to keep this module compiling against DJL's API alone.
   */
  private static void setIntraOpThreads(int threads) {
    try {
      Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
      Method get = jni.getMethod("getNumThreads");
      if ((int) get.invoke(null) != threads) {
        jni.getMethod("setNumThreads", int.class).invoke(null, threads);
        LOG.debug("PyTorch intra-op threads set to {}", threads);
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.warn("cannot set PyTorch's thread count to {}: {}", threads, e.toString());
    }
  }
}
