package org.movierec.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks a zip archive into a directory, refusing entries that would land outside it. */
final class ZipUnpacker {

  private ZipUnpacker() {}

  /**
   * Unpacks {@code archive} into the empty directory {@code into}.
   *
   * @return the dataset's root: the archive's single top-level directory, or {@code into} itself
   * @throws IOException when an entry's path leaves {@code into} or the archive is unreadable
   */
  static Path unpack(Path archive, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (InputStream file = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new IOException(
              archive + " holds the entry '" + entry.getName() + "' outside its directory");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
    try (Stream<Path> children = Files.list(root)) {
      List<Path> top = children.toList();
      if (top.isEmpty()) {
        throw new IOException(archive + " is empty");
      }
      return top.size() == 1 && Files.isDirectory(top.get(0)) ? top.get(0) : root;
    }
  }
}
