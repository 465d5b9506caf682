package org.movierec.data.download;

/** Hears how far a download got, e.g. to draw a progress bar. */
@FunctionalInterface
public interface DownloadListener {

  /** A listener that ignores progress. */
  DownloadListener NONE = (received, total) -> {};

  /**
   * Called after each block received.
   *
   * @param receivedBytes the bytes received so far
   * @param totalBytes the size the server announced, or -1 when it did not
   */
  void progress(long receivedBytes, long totalBytes);
}
