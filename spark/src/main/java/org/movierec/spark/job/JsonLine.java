package org.movierec.spark.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Prints a command's result as one JSON object per line, for people and scripts alike. */
final class JsonLine {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLine() {}

  /** Prints a value as one line of JSON. */
  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result as JSON", e);
    }
  }
}
