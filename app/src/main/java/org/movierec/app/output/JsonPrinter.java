package org.movierec.app.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Prints one JSON object on the console's result stream, with non-finite numbers as null. */
public final class JsonPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Console console;

  JsonPrinter(Console console) {
    this.console = console;
  }

  /** Prints the object as one line. */
  public void print(Map<String, ?> object) {
    try {
      console.out().println(JSON.writeValueAsString(sanitize(object)));
      console.out().flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result as JSON", e);
    }
  }

  private static Object sanitize(Object value) {
    if (value instanceof Double number && !Double.isFinite(number)) {
      return null;
    }
    if (value instanceof Float number && !Float.isFinite(number)) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, sanitize(item)));
      return copy;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(JsonPrinter::sanitize).toList();
    }
    return value;
  }
}
