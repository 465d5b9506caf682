package org.movierec.core.config;

/** A configuration key or value that cannot be used; the message says which and what to do. */
public class ConfigException extends RuntimeException {

  /** An error with a message naming the key, the value and what is allowed. */
  public ConfigException(String message) {
    super(message);
  }
}
