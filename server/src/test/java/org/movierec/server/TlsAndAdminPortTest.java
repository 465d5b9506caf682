package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from a PKCS12 keystore and a separate admin port: the server answers over HTTPS with the
 * keystore's certificate, the admin endpoints answer on their own port only, and a listening
 * address beyond this machine without TLS is warned about at start.
 */
class TlsAndAdminPortTest {

  private static final String TOKEN = "test-token-0123456789";
  private static final String PASSWORD = "keystore-password";

  @TempDir static Path dir;

  private static Path file;
  private static Path keystore;

  @BeforeAll
  static void setUp() throws Exception {
    file = TestModels.save(dir.resolve("model.mrec"), 15);
    keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeThat(Files.isExecutable(keytool)).as("the JDK's keytool makes the keystore").isTrue();
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void tls_fromAKeystore_servesHttpsWithItsCertificate() throws Exception {
    ServerConfig config =
        ServerConfig.builder()
            .optHost("127.0.0.1")
            .optPort(0)
            .opt(ServerKeys.TLS_KEYSTORE, keystore.toString())
            .opt(ServerKeys.TLS_KEYSTORE_PASSWORD, PASSWORD)
            .build();
    try (MovieRecServer server =
        MovieRecServer.builder().setModelFile(file).optConfig(config).build().start()) {
      HttpResponse<String> reply = client().send(get(server.uri().resolve("v1/model")), body());

      assertThat(server.uri().getScheme()).isEqualTo("https");
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).contains("\"version\"");
      assertThat(config.exposureWarnings()).isEmpty();
      assertThat(config.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void adminPort_servesTheAdminEndpointsAloneAndThePublicPortNone() throws Exception {
    ServerConfig config =
        ServerConfig.builder()
            .optHost("127.0.0.1")
            .optPort(0)
            .optAdminToken(TOKEN)
            .opt(ServerKeys.ADMIN_PORT, 0)
            .build();
    try (MovieRecServer server =
        MovieRecServer.builder().setModelFile(file).optConfig(config).build().start()) {
      HttpClient plain = HttpClient.newHttpClient();
      HttpResponse<String> onAdmin = plain.send(reload(server.adminUri()), body());
      HttpResponse<String> onPublic = plain.send(reload(server.uri()), body());
      HttpResponse<String> modelOnAdmin =
          plain.send(get(server.adminUri().resolve("v1/model")), body());

      assertThat(server.adminUri().getPort()).isNotEqualTo(server.uri().getPort());
      assertThat(onAdmin.statusCode()).as(onAdmin.body()).isEqualTo(200);
      assertThat(onPublic.statusCode()).isEqualTo(404);
      assertThat(onPublic.body()).contains("the admin endpoints have a port of their own");
      assertThat(modelOnAdmin.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void exposureWarnings_allInterfacesWithoutTls_warnsThatTheTokenCrossesInClear() {
    ServerConfig open = ServerConfig.builder().optHost("0.0.0.0").optAdminToken(TOKEN).build();
    ServerConfig loopback =
        ServerConfig.builder().optHost("127.0.0.1").optAdminToken(TOKEN).build();
    ServerConfig tls =
        ServerConfig.builder()
            .optHost("0.0.0.0")
            .opt(ServerKeys.TLS_KEYSTORE, keystore.toString())
            .opt(ServerKeys.TLS_KEYSTORE_PASSWORD, PASSWORD)
            .build();

    assertThat(open.exposureWarnings())
        .singleElement()
        .asString()
        .contains("server_host = 0.0.0.0")
        .contains("admin token")
        .contains("tls_keystore");
    assertThat(loopback.exposureWarnings()).isEmpty();
    assertThat(tls.exposureWarnings()).isEmpty();
    assertThat(open.toString()).doesNotContain(TOKEN).contains("admin_token=(secret, not shown)");
  }

  private static HttpRequest reload(URI base) {
    return HttpRequest.newBuilder(base.resolve("admin/reload"))
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** A client that trusts exactly the keystore's certificate. */
  private static HttpClient client() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
