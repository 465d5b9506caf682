package org.movierec.backend.djl;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.spi.BackendRegistry;

/**
 * Runs in a child JVM for {@link DjlOfflineTest}: replaces the JVM's http and https handlers with
 * one that records every URL opened and refuses it, then either trains through the backend ({@code
 * backend}) or starts DJL's engine directly without the offline switch ({@code bare}), and prints
 * what was attempted and where the PyTorch library was loaded from.
 */
public final class OfflineProbe {

  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

  private OfflineProbe() {}

  /** Entry point; the one argument is {@code backend} or {@code bare}. */
  public static void main(String[] args) {
    URL.setURLStreamHandlerFactory(
        protocol -> "http".equals(protocol) || "https".equals(protocol) ? new Refusing() : null);
    if ("backend".equals(args[0])) {
      TrainingConfig config = TrainingConfig.builder().set("epochs", "1").build();
      BackendRegistry.discover()
          .get("djl")
          .newTrainer()
          .train(SyntheticRatings.generate(20, 10, 5, 1), config)
          .close();
    }
    String engine = Engine.getEngine("PyTorch").toString();
    System.out.println("attempts=" + ATTEMPTS);
    System.out.println("offline=" + System.getProperty("offline"));
    System.out.println("library=" + engine.substring(engine.indexOf("PyTorch Library: ") + 17));
  }

  /** Records the URL and fails, so that nothing leaves the machine even for the control run. */
  private static final class Refusing extends URLStreamHandler {

    @Override
    protected URLConnection openConnection(URL url) throws IOException {
      ATTEMPTS.add(url.toString());
      throw new IOException("network access refused by OfflineProbe: " + url);
    }

    @Override
    protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
      return openConnection(url);
    }
  }
}
