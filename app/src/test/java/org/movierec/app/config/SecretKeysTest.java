package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.server.ServerConfig;
import org.movierec.server.ServerKeys;

/**
 * A secret such as admin_token comes from the config file, a file named by admin_token_file or the
 * environment, never from --set, and no message ever repeats it.
 */
class SecretKeysTest {

  private static final String TOKEN = "s3cret-token-0123456789";

  @TempDir Path dir;

  @Test
  void set_secret_isRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> resolve(List.of("admin_token=" + TOKEN), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--set admin_token")
        .hasMessageContaining("never taken from the command line")
        .hasMessageContaining("MOVIEREC_ADMIN_TOKEN")
        .hasMessageContaining("admin_token_file")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void environment_secret_isTakenAndNamedAsItsOrigin() throws IOException {
    CommandConfig config = resolve(List.of(), Map.of("MOVIEREC_ADMIN_TOKEN", TOKEN));

    assertThat(config.commandValues()).containsEntry(ServerKeys.ADMIN_TOKEN, TOKEN);
    assertThat(config.effective().originOf(ServerKeys.ADMIN_TOKEN))
        .isEqualTo("environment variable MOVIEREC_ADMIN_TOKEN");
  }

  @Test
  void fileKey_onTheCommandLine_readsTheSecretFromTheFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("token"), TOKEN + "\n");

    CommandConfig config = resolve(List.of("admin_token_file=" + secret), Map.of());

    assertThat(config.commandValues()).containsEntry(ServerKeys.ADMIN_TOKEN, TOKEN);
  }

  @Test
  void fileKey_missingFile_namesTheFileAndNotAnyContent() {
    Path missing = dir.resolve("absent");

    assertThatThrownBy(() -> resolve(List.of("admin_token_file=" + missing), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin_token_file = " + missing)
        .hasMessageContaining("no such regular file");
  }

  @Test
  void badSecret_inTheConfigFile_isRefusedWithoutRepeatingIt() throws IOException {
    String shortOne = "short-tok";
    Path file = Files.writeString(dir.resolve("serve.properties"), "admin_token = " + shortOne);

    assertThatThrownBy(() -> resolve(Optional.of(file), List.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":1")
        .hasMessageContaining("bad value for admin_token")
        .hasMessageContaining("not shown")
        .hasMessageNotContaining(shortOne);
  }

  @Test
  void nonAsciiToken_isRefusedSinceNoHeaderCouldMatchIt() {
    String token = "jeton-très-secret-0123456789";

    assertThatThrownBy(() -> resolve(List.of(), Map.of("MOVIEREC_ADMIN_TOKEN", token)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("visible ASCII")
        .hasMessageNotContaining(token);
    assertThatThrownBy(() -> ServerConfig.builder().optAdminToken(token).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining(token);
  }

  private static CommandConfig resolve(List<String> sets, Map<String, String> environment)
      throws IOException {
    return resolve(Optional.empty(), sets, environment);
  }

  private static CommandConfig resolve(
      Optional<Path> file, List<String> sets, Map<String, String> environment) throws IOException {
    return ConfigResolver.resolve(
        new ConfigRequest(Optional.empty(), file, sets, List.of()),
        ServerKeys.ALL,
        environment::get);
  }
}
