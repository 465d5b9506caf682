package org.movierec.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body into a tree and its fields by path, e.g. {@code pairs[3].movie},
 * refusing anything malformed with a 400 that names the field and the problem.
 */
final class JsonBody {

  private JsonBody() {}

  /** The body as a JSON object. */
  static JsonNode object(Context ctx, ObjectMapper mapper) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new ApiException(400, "missing_body", null, "the request needs a JSON object body");
    }
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new ApiException(400, "invalid_json", null, "the body nests JSON too deeply");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ApiException(
          400,
          "invalid_json",
          null,
          "the body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + Params.clip(e.getOriginalMessage().lines().findFirst().orElse("")));
    } catch (java.io.IOException e) {
      throw new ApiException(400, "invalid_json", null, "the body could not be read as JSON");
    }
    if (root == null || !root.isObject()) {
      throw new ApiException(400, "invalid_json", null, "the body must be a JSON object");
    }
    return root;
  }

  /** Refuses fields the endpoint does not know, naming the first one and the known ones. */
  static void allowOnly(JsonNode object, String path, Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.badField(
            join(path, name),
            "is not a field here; known fields: " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** A required field. */
  static JsonNode required(JsonNode object, String path, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw ApiException.badField(join(path, name), "is required");
    }
    return value;
  }

  /** A required array field with between {@code min} and {@code max} elements. */
  static JsonNode array(JsonNode object, String path, String name, int min, int max) {
    JsonNode value = required(object, path, name);
    String field = join(path, name);
    if (!value.isArray()) {
      throw ApiException.badField(field, "must be an array");
    }
    if (value.size() < min || value.size() > max) {
      throw ApiException.badField(
          field, "must hold " + min + " to " + max + " elements, got " + value.size());
    }
    return value;
  }

  /** An element of an array that must be an object. */
  static JsonNode element(JsonNode array, String path, int index) {
    JsonNode value = array.get(index);
    if (!value.isObject()) {
      throw ApiException.badField(path + "[" + index + "]", "must be an object");
    }
    return value;
  }

  /** A required integer id field. */
  static int id(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.badField(
          join(path, name), "must be an integer id such as 196, got " + describe(value));
    }
    return value.intValue();
  }

  /** A required number field. */
  static float number(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    if (!value.isNumber() || !Float.isFinite(value.floatValue())) {
      throw ApiException.badField(join(path, name), "must be a number, got " + describe(value));
    }
    return value.floatValue();
  }

  /** An optional integer field in {@code [min, max]}, or its default when absent. */
  static int optionalInt(
      JsonNode object, String path, String name, int defaultValue, int min, int max) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < min
        || value.intValue() > max) {
      throw ApiException.badField(
          join(path, name),
          "must be an integer in " + min + ".." + max + ", got " + describe(value));
    }
    return value.intValue();
  }

  private static String describe(JsonNode value) {
    return Params.clip(value.toString());
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
