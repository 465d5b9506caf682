package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.server.ServerKeys;

/**
 * A command's own keys, such as the server's, are taken from the same layers as the others, come
 * back apart from the training configuration, and are unknown to commands that do not take them.
 */
class CommandKeysTest {

  @TempDir Path dir;

  @Test
  void resolve_serverKeysInFileAndFlag_comeBackApartWithTheFlagWinning() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("serve.properties"),
            "admin_token = 0123456789abcdefXYZ\nserver_port = 9000\ncold_start = error\n");
    CommandConfig config =
        ConfigResolver.resolve(
            new ConfigRequest(
                Optional.empty(),
                Optional.of(file),
                List.of(),
                List.of(new ConfigRequest.Flag("--port", ServerKeys.PORT, "0"))),
            ServerKeys.ALL);

    assertThat(config.commandValues())
        .containsEntry(ServerKeys.ADMIN_TOKEN, "0123456789abcdefXYZ")
        .containsEntry(ServerKeys.PORT, 0);
    assertThat(config.effective().config().coldStart()).isEqualTo(ColdStartPolicy.ERROR);
    assertThat(config.effective().config().toTextMap()).doesNotContainKey("admin_token");
    assertThat(config.effective().originOf(ServerKeys.PORT)).isEqualTo("--port");
  }

  @Test
  void resolve_badServerValue_namesFileLineAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(dir.resolve("serve.properties"), "\nadmin_token = short\n");

    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    new ConfigRequest(Optional.empty(), Optional.of(file), List.of(), List.of()),
                    ServerKeys.ALL))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":2")
        .hasMessageContaining("admin_token")
        .hasMessageContaining("at least 16 visible ASCII characters")
        .hasMessageNotContaining("'short'");
  }

  @Test
  void resolve_typoOfAServerKey_suggestsIt() {
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    new ConfigRequest(
                        Optional.empty(), Optional.empty(), List.of("server_prt=1"), List.of()),
                    ServerKeys.ALL))
        .hasMessageContaining("did you mean 'server_port'?");
  }

  @Test
  void resolve_serverKeyWhereTheCommandTakesNone_isUnknown() {
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    new ConfigRequest(
                        Optional.empty(), Optional.empty(), List.of("server_port=1"), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'server_port'");
    assertThat(Keys.ALL).doesNotContainAnyElementsOf(ServerKeys.ALL);
  }
}
