package org.movierec.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.data.CacheDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads MovieLens archives into a cache directory: fetches the MD5 checksum GroupLens publishes
 * beside each archive, streams the archive to a temporary file while hashing it, checks its size
 * against what the server announced and its checksum against the published one, unpacks it into a
 * temporary directory and renames that into place, so the cache never holds a partial dataset.
 */
public final class DatasetDownloader {

  /** Where GroupLens publishes the archives. */
  public static final URI GROUPLENS = URI.create("https://files.grouplens.org/datasets/movielens/");

  /** The file that marks a directory as installed and verified by this downloader. */
  static final String MARKER = ".movierec-download";

  private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);
  private static final Pattern MD5 = Pattern.compile("\\b([0-9a-fA-F]{32})\\b");
  private static final int BLOCK = 1 << 16;

  private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

  /** A stalled server fails the download after this long without a byte. */
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final URI base;

  /** A downloader from GroupLens. */
  public DatasetDownloader() {
    this(GROUPLENS);
  }

  /** A downloader from another server laid out like GroupLens', e.g. a mirror or a test server. */
  public DatasetDownloader(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
  }

  /** Downloads a dataset by name into {@code cacheDirectory}, unless it is there already. */
  public DownloadResult download(String name, Path cacheDirectory) throws IOException {
    return download(KnownDataset.parse(name), cacheDirectory, DownloadListener.NONE);
  }

  /**
   * Downloads a dataset into {@code cacheDirectory/<name>}, unless it is there already.
   *
   * @throws IOException when the server fails, the size or checksum does not match, the archive is
   *     unsafe to unpack, or the target directory exists without having been installed here
   */
  public DownloadResult download(
      KnownDataset dataset, Path cacheDirectory, DownloadListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    Path target = cacheDirectory.resolve(dataset.id());
    if (Files.isRegularFile(target.resolve(MARKER))) {
      String md5 = Files.readString(target.resolve(MARKER), StandardCharsets.US_ASCII).trim();
      return new DownloadResult(dataset, target, true, 0, md5, dataset.licenseNotice());
    }
    if (Files.exists(target)) {
      throw new IOException(
          target
              + " exists but was not installed by the downloader; use it directly with --data,"
              + " or remove it to download again");
    }
    Files.createDirectories(cacheDirectory);
    String expectedMd5 = publishedMd5(dataset);
    Path archive = Files.createTempFile(cacheDirectory, "." + dataset.id() + "-", ".zip.part");
    Path unpacked = null;
    try {
      long size = fetch(resolve(dataset.archive()), archive, expectedMd5, listener);
      unpacked = Files.createTempDirectory(cacheDirectory, "." + dataset.id() + "-unpack-");
      Path root = ZipUnpacker.unpack(archive, unpacked);
      Files.writeString(root.resolve(MARKER), expectedMd5 + "\n", StandardCharsets.US_ASCII);
      moveIntoPlace(root, target);
      LOG.info("Installed {} into {}. {}", dataset, target, dataset.licenseNotice());
      return new DownloadResult(dataset, target, false, size, expectedMd5, dataset.licenseNotice());
    } finally {
      Files.deleteIfExists(archive);
      if (unpacked != null) {
        CacheDirectory.deleteTree(unpacked);
      }
    }
  }

  private URI resolve(String file) {
    return base.resolve(file);
  }

  private String publishedMd5(KnownDataset dataset) throws IOException {
    URI uri = resolve(dataset.checksumFile());
    HttpURLConnection connection = open(uri);
    try {
      int status = status(connection, uri);
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException(
            "no checksum at "
                + uri
                + " (HTTP "
                + status
                + "); refusing to install an archive that cannot be verified");
      }
      String body;
      try (InputStream in = connection.getInputStream()) {
        body = new String(in.readNBytes(BLOCK), StandardCharsets.US_ASCII);
      }
      Matcher matcher = MD5.matcher(body);
      if (!matcher.find()) {
        throw new IOException("no MD5 checksum in " + uri + ": " + body.strip());
      }
      return matcher.group(1).toLowerCase(Locale.ROOT);
    } finally {
      connection.disconnect();
    }
  }

  /** Streams {@code uri} into {@code file}; returns its size after checking size and checksum. */
  private long fetch(URI uri, Path file, String expectedMd5, DownloadListener listener)
      throws IOException {
    HttpURLConnection connection = open(uri);
    MessageDigest digest = md5();
    long received = 0;
    long announced;
    try {
      int status = status(connection, uri);
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("cannot download " + uri + ": HTTP " + status);
      }
      announced = connection.getContentLengthLong();
      try (InputStream in = connection.getInputStream();
          OutputStream out = Files.newOutputStream(file)) {
        byte[] block = new byte[BLOCK];
        for (int read; (read = in.read(block)) >= 0; ) {
          out.write(block, 0, read);
          digest.update(block, 0, read);
          received += read;
          listener.progress(received, announced);
        }
      } catch (IOException e) {
        throw new IOException(
            "download of " + uri + " broke off after " + received + " bytes: " + e.getMessage(), e);
      }
    } finally {
      connection.disconnect();
    }
    if (announced >= 0 && received != announced) {
      throw new IOException(
          "download of " + uri + " is " + received + " bytes, the server announced " + announced);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedMd5)) {
      throw new IOException(
          "checksum mismatch for "
              + uri
              + ": published MD5 "
              + expectedMd5
              + ", downloaded "
              + actual
              + "; the archive is corrupt or was changed, try again");
    }
    return received;
  }

  private static int status(HttpURLConnection connection, URI uri) throws IOException {
    try {
      return connection.getResponseCode();
    } catch (IOException e) {
      throw new IOException("cannot reach " + uri + ": " + e, e);
    }
  }

  private static HttpURLConnection open(URI uri) throws IOException {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(true);
      return connection;
    } catch (IOException | ClassCastException | IllegalArgumentException e) {
      throw new IOException("cannot open " + uri + ": " + e.getMessage(), e);
    }
  }

  private static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target);
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}
