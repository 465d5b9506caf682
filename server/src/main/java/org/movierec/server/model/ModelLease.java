package org.movierec.server.model;

/**
 * A request's hold on the model that was current when it started: the model stays open until the
 * lease is closed, even if a reload has replaced it meanwhile.
 */
public final class ModelLease implements AutoCloseable {

  private final ServedModel served;
  private boolean closed;

  ModelLease(ServedModel served) {
    this.served = served;
  }

  /** The model this lease holds. */
  public ServedModel served() {
    return served;
  }

  /** Lets go of the model; closing twice is harmless. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      served.release();
    }
  }
}
