package org.movierec.backend.ease;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The EJML version this backend was built against, as the build wrote it into a resource. */
final class EjmlVersion {

  /** The version, such as {@code 0.46.1}. */
  static final String VERSION = read();

  private EjmlVersion() {}

  private static String read() {
    try (InputStream in = EjmlVersion.class.getResourceAsStream("ejml.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "ejml.properties is missing from the EASE backend's jar; rebuild it with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("ejml.version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the EASE backend's ejml.properties", e);
    }
  }
}
