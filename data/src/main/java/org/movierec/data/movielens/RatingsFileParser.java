package org.movierec.data.movielens;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.movierec.core.data.GrowingIdMap;
import org.movierec.data.DataFormatException;
import org.movierec.data.LineProblem;

/**
 * Reads a ratings file of any layout into primitive columns: the file is memory-mapped, cut into
 * one part per thread at line ends, counted, then parsed in parallel straight into columns sized
 * exactly; the parts' id maps are merged so that dense ids follow first appearance in the file, as
 * a one-thread parse would give.
 */
final class RatingsFileParser {

  /** Files smaller than this are parsed by one thread: starting threads would cost more. */
  static final long MIN_PARALLEL_BYTES = 1 << 20;

  /** The largest part mapped at once; a mapping cannot exceed 2 GiB. */
  private static final long MAX_PART_BYTES = 1L << 30;

  private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  private RatingsFileParser() {}

  /**
   * Ratings parsed from one file.
   *
   * @param columns the rows, with dense ids from the given maps, exactly as long as needed
   * @param needsHalfStars whether a rating off the whole-star grid was seen
   * @param lines the number of lines in the file
   */
  record Parsed(RatingColumns columns, boolean needsHalfStars, long lines) {}

  /**
   * Parses a ratings file.
   *
   * @param rules the layout and the scale every rating must be on
   * @param log where bad lines go
   * @param ids the id maps to extend; dense ids continue from their sizes
   * @throws DataFormatException for an empty file or, in fail-fast mode, the first bad line
   * @throws org.movierec.data.DatasetTooLargeException when the counted lines would not fit in the
   *     heap, before any column is allocated
   */
  static Parsed parse(Path file, LineRules rules, ProblemLog log, int parallelism, IdMaps ids)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      List<RatingsChunk> chunks = new ArrayList<>();
      for (RatingsChunk.Part part : parts(file, channel, parallelism)) {
        chunks.add(
            new RatingsChunk(
                file, part, rules, log.failsFast(), part.first() ? ids : IdMaps.fresh()));
      }
      long[] capacities = new long[chunks.size()];
      Parallel.run(chunks.size(), i -> capacities[i] = chunks.get(i).countDataLines());
      long total = Arrays.stream(capacities).sum();
      if (total > MAX_ROWS) {
        throw new IllegalArgumentException(
            file + " holds more than " + MAX_ROWS + " rating lines; split it into smaller files");
      }
      int[] offsets = new int[chunks.size()];
      long linesBefore = 0;
      for (int i = 0; i < chunks.size(); i++) {
        offsets[i] = i == 0 ? 0 : offsets[i - 1] + (int) capacities[i - 1];
        chunks.get(i).startAfterLine(linesBefore);
        linesBefore += chunks.get(i).countedLines();
      }
      MemoryBudget.require(file, total);
      int capacity = (int) total;
      RatingColumns columns = new RatingColumns(capacity);
      Parallel.run(chunks.size(), i -> chunks.get(i).parse(columns, offsets[i]));
      boolean needsHalfStars = false;
      for (RatingsChunk chunk : chunks) {
        if (chunk.firstError() != null) {
          throw DataFormatException.of(chunk.firstError());
        }
        log.merge(chunk.skipCounts(), chunk.examples());
        needsHalfStars |= chunk.needsHalfStars();
      }
      int rows = joinParts(chunks, offsets, columns, ids);
      if (rows == 0) {
        throw emptyFile(file, linesBefore, log.skippedLines());
      }
      columns.trim(rows);
      return new Parsed(columns, needsHalfStars, linesBefore);
    }
  }

  /**
   * Finds where the given (raw user, raw movie) pairs occur in a file, parsing it again in one
   * thread; used only to name the lines of duplicate pairs.
   */
  static void locate(Path file, LineRules rules, Map<Long, PairLines> wanted) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long linesBefore = 0;
      for (RatingsChunk.Part part : parts(file, channel, 1)) {
        RatingsChunk chunk = new RatingsChunk(file, part, rules, false, IdMaps.fresh());
        chunk.countDataLines();
        chunk.startAfterLine(linesBefore);
        linesBefore += chunk.countedLines();
        chunk.locate(wanted);
      }
    }
  }

  /** The file cut at line ends into parts of at most 1 GiB, one per thread where it helps. */
  private static List<RatingsChunk.Part> parts(Path file, FileChannel channel, int parallelism)
      throws IOException {
    long size = channel.size();
    int bom = startsWithBom(channel) ? 3 : 0;
    if (size <= bom) {
      throw emptyFile(file, 0, 0);
    }
    int count =
        size < MIN_PARALLEL_BYTES
            ? 1
            : (int) Math.max(parallelism, (size + MAX_PART_BYTES - 1) / MAX_PART_BYTES);
    List<Long> bounds = new ArrayList<>();
    bounds.add(0L);
    for (int i = 1; i < count; i++) {
      long bound = nextLineStart(channel, size * i / count);
      if (bound > bounds.get(bounds.size() - 1) && bound < size) {
        bounds.add(bound);
      }
    }
    bounds.add(size);
    List<RatingsChunk.Part> parts = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.size(); i++) {
      long from = bounds.get(i);
      long length = bounds.get(i + 1) - from;
      if (length > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            file + " has a line longer than 1 GiB near byte " + from + "; this is no ratings file");
      }
      MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, from, length);
      parts.add(new RatingsChunk.Part(bytes, i == 0 ? bom : 0, (int) length, i == 0));
    }
    return parts;
  }

  private static boolean startsWithBom(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(3);
    while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
      // read until three bytes or the end of a shorter file
    }
    return head.position() == 3
        && head.get(0) == (byte) 0xEF
        && head.get(1) == (byte) 0xBB
        && head.get(2) == (byte) 0xBF;
  }

  /** The offset just after the first line feed at or after {@code from}, or the file size. */
  private static long nextLineStart(FileChannel channel, long from) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(1 << 16);
    long position = from;
    while (true) {
      block.clear();
      int read = channel.read(block, position);
      if (read <= 0) {
        return channel.size();
      }
      for (int i = 0; i < read; i++) {
        if (block.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += read;
    }
  }

  /**
   * Closes the gaps skipped lines left between parts and maps later parts' local ids into the
   * shared maps, in part order so that dense ids follow first appearance.
   */
  private static int joinParts(
      List<RatingsChunk> chunks, int[] offsets, RatingColumns columns, IdMaps ids) {
    int row = 0;
    for (int i = 0; i < chunks.size(); i++) {
      RatingsChunk chunk = chunks.get(i);
      int rows = chunk.rows();
      columns.move(offsets[i], row, rows);
      if (i > 0) {
        remap(columns.users, row, rows, chunk.ids().users(), ids.users());
        remap(columns.movies, row, rows, chunk.ids().movies(), ids.movies());
      }
      row += rows;
    }
    return row;
  }

  private static void remap(
      int[] column, int from, int count, GrowingIdMap local, GrowingIdMap shared) {
    int[] rawIds = local.freeze().rawIds();
    int[] translation = new int[rawIds.length];
    for (int i = 0; i < rawIds.length; i++) {
      translation[i] = shared.denseOf(rawIds[i]);
    }
    for (int row = from; row < from + count; row++) {
      column[row] = translation[column[row]];
    }
  }

  private static DataFormatException emptyFile(Path file, long lines, long skipped) {
    String detail =
        lines == 0
            ? "the file is empty"
            : skipped == 0
                ? "the file holds no rating, only " + lines + " blank or header lines"
                : "no rating is left after skipping " + skipped + " bad lines";
    return new DataFormatException(file, Math.max(1, lines), LineProblem.EMPTY_FILE, detail, "");
  }
}
