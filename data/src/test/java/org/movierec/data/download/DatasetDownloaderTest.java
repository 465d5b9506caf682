package org.movierec.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;

class DatasetDownloaderTest {

  @TempDir Path work;

  private HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private URI base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/movielens/",
        exchange -> {
          requests.incrementAndGet();
          String name = exchange.getRequestURI().getPath().substring("/movielens/".length());
          byte[] body = files.get(name);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/movielens/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /** Serves a generated ml-100k archive laid out as GroupLens' (a top directory), with its MD5. */
  private byte[] serveArchive(String md5Override) throws IOException {
    Path generated = work.resolve("source/ml-100k");
    GeneratorSpec spec = GeneratorSpec.builder().setUsers(20).setMovies(30).setRatings(200).build();
    DatasetGenerator.generate(spec, generated, Layout.ML_100K);
    List<ZipEntryText> entries = new ArrayList<>();
    entries.add(new ZipEntryText("ml-100k/", null));
    try (Stream<Path> paths = Files.list(generated)) {
      for (Path path : paths.sorted().toList()) {
        entries.add(new ZipEntryText("ml-100k/" + path.getFileName(), Files.readAllBytes(path)));
      }
    }
    entries.add(
        new ZipEntryText("ml-100k/README", "Terms of use".getBytes(StandardCharsets.UTF_8)));
    byte[] zip = zip(entries);
    files.put("ml-100k.zip", zip);
    String md5 = md5Override != null ? md5Override : md5(zip);
    files.put(
        "ml-100k.zip.md5",
        ("MD5 (ml-100k.zip) = " + md5 + "\n").getBytes(StandardCharsets.US_ASCII));
    return zip;
  }

  private record ZipEntryText(String name, byte[] content) {}

  private static byte[] zip(List<ZipEntryText> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (ZipEntryText entry : entries) {
        zip.putNextEntry(new ZipEntry(entry.name()));
        if (entry.content() != null) {
          zip.write(entry.content());
        }
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path cache() {
    return work.resolve("cache");
  }

  private List<String> cacheEntries() throws IOException {
    try (Stream<Path> paths = Files.list(cache())) {
      return paths.map(path -> path.getFileName().toString()).toList();
    }
  }

  @Test
  void download_verifiedArchive_unpacksReadableDatasetWithLicense() throws IOException {
    byte[] zip = serveArchive(null);
    List<Long> progress = new ArrayList<>();

    DownloadResult result =
        new DatasetDownloader(base)
            .download(KnownDataset.ML_100K, cache(), (received, total) -> progress.add(total));

    assertThat(result.directory()).isEqualTo(cache().resolve("ml-100k"));
    assertThat(result.alreadyPresent()).isFalse();
    assertThat(result.archiveBytes()).isEqualTo(zip.length);
    assertThat(result.md5()).isEqualTo(md5(zip));
    assertThat(result.licenseNotice()).contains("GroupLens", "Harper", "redistribution");
    assertThat(DatasetReader.read(result.directory()).dataset().size()).isEqualTo(200);
    assertThat(result.directory().resolve("README")).exists();
    assertThat(progress).isNotEmpty().allMatch(total -> total == zip.length);
    assertThat(cacheEntries()).containsExactly("ml-100k");
  }

  @Test
  void download_twice_secondFindsItWithoutFetching() throws IOException {
    serveArchive(null);
    DatasetDownloader downloader = new DatasetDownloader(base);
    downloader.download("ml-100k", cache());
    int before = requests.get();

    DownloadResult again = downloader.download("ML-100K", cache());

    assertThat(again.alreadyPresent()).isTrue();
    assertThat(requests.get()).isEqualTo(before);
    assertThat(again.md5()).isEqualTo(md5(files.get("ml-100k.zip")));
  }

  @Test
  void download_checksumMismatch_refusesAndLeavesNothing() throws IOException {
    serveArchive("0123456789abcdef0123456789abcdef");

    assertThatThrownBy(() -> new DatasetDownloader(base).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("0123456789abcdef0123456789abcdef");
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void download_connectionClosedBeforeAnnouncedSize_refusesAndLeavesNothing() throws Exception {
    byte[] zip = serveArchive(null);
    try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread shortServer =
          new Thread(
              () -> serveShort(socket, zip, files.get("ml-100k.zip.md5")), "short-body-server");
      shortServer.setDaemon(true);
      shortServer.start();
      URI shortBase = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/movielens/");

      assertThatThrownBy(() -> new DatasetDownloader(shortBase).download("ml-100k", cache()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ml-100k.zip");
      assertThat(cacheEntries()).isEmpty();
    }
  }

  /** Answers the checksum request, then announces the archive 1000 bytes too long and hangs up. */
  private static void serveShort(ServerSocket socket, byte[] zip, byte[] md5) {
    for (int request = 0; request < 2; request++) {
      try (Socket client = socket.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        String requestLine = in.readLine();
        while (!in.readLine().isEmpty()) {
          // skip request headers
        }
        byte[] body = requestLine.contains(".md5") ? md5 : zip;
        long announced = requestLine.contains(".md5") ? body.length : body.length + 1_000L;
        OutputStream out = client.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Length: " + announced + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Test
  void download_unreachableServer_namesUrl() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + freePort + "/movielens/");

    assertThatThrownBy(() -> new DatasetDownloader(nowhere).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach " + nowhere + "ml-100k.zip.md5");
  }

  @Test
  void download_noPublishedChecksum_refuses() throws IOException {
    serveArchive(null);
    files.remove("ml-100k.zip.md5");

    assertThatThrownBy(() -> new DatasetDownloader(base).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no checksum")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void download_missingArchive_namesUrlAndStatus() throws IOException {
    serveArchive(null);
    files.remove("ml-100k.zip");

    assertThatThrownBy(() -> new DatasetDownloader(base).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(base + "ml-100k.zip")
        .hasMessageContaining("HTTP 404");
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void download_entryOutsideDirectory_refused() throws IOException {
    byte[] evil =
        zip(List.of(new ZipEntryText("../evil.txt", "x".getBytes(StandardCharsets.US_ASCII))));
    files.put("ml-100k.zip", evil);
    files.put("ml-100k.zip.md5", md5(evil).getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> new DatasetDownloader(base).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside its directory");
    assertThat(work.resolve("evil.txt")).doesNotExist();
    assertThat(cacheEntries()).isEmpty();
  }

  @Test
  void download_foreignDirectoryInTheWay_refused() throws IOException {
    serveArchive(null);
    Files.createDirectories(cache().resolve("ml-100k"));

    assertThatThrownBy(() -> new DatasetDownloader(base).download("ml-100k", cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was not installed by the downloader");
  }

  @Test
  void parse_unknownName_listsKnownNames() {
    assertThatThrownBy(() -> KnownDataset.parse("ml-7m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ml-7m")
        .hasMessageContaining("ml-100k, ml-1m, ml-25m, ml-32m, ml-latest-small");
  }

  @Test
  void defaultDownloader_pointsAtGroupLens() {
    assertThat(DatasetDownloader.GROUPLENS.toString())
        .isEqualTo("https://files.grouplens.org/datasets/movielens/");
  }
}
