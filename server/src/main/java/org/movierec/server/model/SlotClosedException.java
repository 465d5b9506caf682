package org.movierec.server.model;

/** Raised when a request asks for the model after the server began to shut down. */
public final class SlotClosedException extends IllegalStateException {

  SlotClosedException() {
    super("the server is shutting down and serves no model");
  }
}
