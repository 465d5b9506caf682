package org.movierec.app.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.ConfigKey;

/**
 * Where a secret key may come from besides the config file: the environment variable {@code
 * MOVIEREC_<KEY>} or a file named by {@code <key>_file}; and the refusal of a secret typed on the
 * command line. No message here repeats a secret.
 */
final class Secrets {

  /** A secret file is one line; a larger file is a wrong path, not a token. */
  private static final int MAX_FILE_BYTES = 4096;

  private Secrets() {}

  /** The environment variable holding a secret key, e.g. {@code MOVIEREC_ADMIN_TOKEN}. */
  static String variableOf(ConfigKey<?> key) {
    return "MOVIEREC_" + key.name().toUpperCase(Locale.ROOT);
  }

  /** The key naming a file that holds a secret, e.g. {@code admin_token_file}. */
  static String fileKeyOf(ConfigKey<?> key) {
    return key.name() + "_file";
  }

  /** Why a secret typed on the command line is refused, and where to put it instead. */
  static String refusal(ConfigKey<?> key) {
    return "a secret is never taken from the command line, where ps and the shell history show"
        + " it (the value is not repeated here); write it in the --config file, in a file named by"
        + " --set "
        + fileKeyOf(key)
        + "=PATH, or in the environment variable "
        + variableOf(key);
  }

  /**
   * The secret in a file: its first line without surrounding white space.
   *
   * @throws ConfigException naming the key and the file, never the content
   */
  static String readFile(String fileKey, String pathText) {
    String where = fileKey + " = " + pathText.strip();
    Path path;
    try {
      path = Path.of(pathText.strip());
    } catch (InvalidPathException e) {
      throw new ConfigException(where + ": not a valid path (" + e.getReason() + ")");
    }
    byte[] bytes;
    try {
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(where + ": no such regular file; write the secret in one");
      }
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new ConfigException(
            where + ": larger than " + MAX_FILE_BYTES + " bytes, so not a file holding a secret");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(where + ": not UTF-8 text");
    }
    String line = text.lines().findFirst().orElse("").strip();
    if (line.isEmpty()) {
      throw new ConfigException(where + ": the file is empty; write the secret on its first line");
    }
    return line;
  }
}
