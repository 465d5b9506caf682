package org.movierec.data.limits;

import java.nio.file.Path;
import org.movierec.data.DatasetTooLargeException;
import org.movierec.data.movielens.DatasetReader;

/**
 * Reads one dataset in a JVM whose heap a test chose, and reports through the exit code: 0 read, 3
 * refused as too large (message on stdout), 4 another exception, 5 out of memory.
 */
public final class ReadInHeap {

  private ReadInHeap() {}

  /** Reads {@code args[0]}. */
  public static void main(String[] args) {
    int code;
    try {
      System.out.println("read " + DatasetReader.read(Path.of(args[0])).dataset().size());
      code = 0;
    } catch (DatasetTooLargeException e) {
      System.out.println(e.getMessage());
      code = 3;
    } catch (OutOfMemoryError e) {
      System.out.println("out of memory: " + e.getMessage());
      code = 5;
    } catch (Exception e) {
      System.out.println(e);
      code = 4;
    }
    System.exit(code);
  }
}
