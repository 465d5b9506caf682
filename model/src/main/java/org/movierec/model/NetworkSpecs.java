package org.movierec.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** Finds a network spec by built-in name or JSON file path, as the {@code network} key says. */
public final class NetworkSpecs {

  private static final Map<String, Supplier<NetworkSpec>> BUILT_IN =
      Map.of("seed", NetworkSpec::seed);

  private NetworkSpecs() {}

  /**
   * The built-in spec of that name, or the spec in the JSON file at that path.
   *
   * @throws NetworkSpecException when the name is unknown or the file is not a valid spec
   */
  public static NetworkSpec resolve(String nameOrPath) {
    Supplier<NetworkSpec> builtIn = BUILT_IN.get(nameOrPath);
    if (builtIn != null) {
      return builtIn.get();
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw new NetworkSpecException(
          "bad value for network: '"
              + nameOrPath
              + "' is neither a built-in network ("
              + String.join(", ", BUILT_IN.keySet())
              + ") nor a JSON spec file");
    }
    try {
      return NetworkSpec.fromJson(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetworkSpecException("cannot read network spec " + file + ": " + e.getMessage(), e);
    }
  }
}
