package org.movierec.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads path and query parameters, refusing bad ones with a 400 that names the parameter. Each
 * reader works on the parsed query string, a map from names to their values in order, so that it
 * can be checked apart from a request; the overloads taking a {@link Context} read its query.
 */
final class Params {

  /** The most ids one list parameter such as {@code exclude} may carry. */
  static final int MAX_LIST = 10_000;

  private Params() {}

  /**
   * Refuses query parameters the endpoint does not know, so that a typo is not silently ignored.
   */
  static void allowOnly(Context ctx, Set<String> known) {
    allowOnly(ctx.queryParamMap(), known);
  }

  /** Refuses parameters of a parsed query that the endpoint does not know. */
  static void allowOnly(Map<String, List<String>> query, Set<String> known) {
    for (String name : query.keySet()) {
      if (!known.contains(name)) {
        throw ApiException.badField(
            clip(name),
            "is not a parameter of this endpoint; it takes "
                + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
      }
    }
  }

  /** A raw id from the path, such as {@code {user}}. */
  static int pathId(Context ctx, String name) {
    return pathId(name, ctx.pathParam(name));
  }

  /** A raw id given as the text of a path parameter. */
  static int pathId(String name, String text) {
    return parseId(name, text);
  }

  /** An integer query parameter in {@code [min, max]}, or its default when absent. */
  static int queryInt(Context ctx, String name, int defaultValue, int min, int max, String why) {
    return queryInt(ctx.queryParamMap(), name, defaultValue, min, max, why);
  }

  /** An integer parameter of a parsed query in {@code [min, max]}, or its default when absent. */
  static int queryInt(
      Map<String, List<String>> query,
      String name,
      int defaultValue,
      int min,
      int max,
      String why) {
    String text = single(query, name);
    if (text == null) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badField(
          name, "must be an integer in " + min + ".." + max + why + ", got '" + clip(text) + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badField(name, "must be in " + min + ".." + max + why + ", got " + value);
    }
    return value;
  }

  /** A comma-separated list of raw ids, e.g. {@code exclude=1,2,3}; empty when absent. */
  static List<Integer> queryIds(Context ctx, String name) {
    return queryIds(ctx.queryParamMap(), name);
  }

  /** A comma-separated list of raw ids in a parsed query; empty when absent. */
  static List<Integer> queryIds(Map<String, List<String>> query, String name) {
    List<Integer> ids = new ArrayList<>();
    for (String value : values(query, name)) {
      for (String part : value.split(",", -1)) {
        if (part.isBlank()) {
          continue;
        }
        if (ids.size() == MAX_LIST) {
          throw ApiException.badField(name, "lists more than " + MAX_LIST + " ids");
        }
        ids.add(parseId(name, part.strip()));
      }
    }
    return ids;
  }

  /** A text query parameter up to {@code maxLength} characters, or null when absent or blank. */
  static String queryText(Context ctx, String name, int maxLength) {
    return queryText(ctx.queryParamMap(), name, maxLength);
  }

  /** A text parameter of a parsed query up to {@code maxLength} characters, or null. */
  static String queryText(Map<String, List<String>> query, String name, int maxLength) {
    String text = single(query, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > maxLength) {
      throw ApiException.badField(name, "is longer than " + maxLength + " characters");
    }
    return text.strip();
  }

  private static List<String> values(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null ? List.of() : values;
  }

  private static String single(Map<String, List<String>> query, String name) {
    List<String> values = values(query, name);
    if (values.size() > 1) {
      throw ApiException.badField(name, "is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static int parseId(String name, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badField(
          name, "must be an integer id such as 196, got '" + clip(text) + "'");
    }
  }

  /** A value cut to a length that is safe to repeat in a message. */
  static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
