package org.movierec.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body into a tree and its fields by path, e.g. {@code pairs[3].movie},
 * refusing anything malformed with a 400 that names the field and the problem. The tree is built by
 * a bounded parser: it counts the values as it reads them and stops at the endpoint's budget, so
 * that a body of a million empty objects is refused after the first few thousand instead of being
 * built whole; a field given twice is refused instead of one copy silently winning.
 */
final class JsonBody {

  private JsonBody() {}

  /** The body of a request as a JSON object of at most {@code maxValues} values. */
  static JsonNode object(Context ctx, Serving serving, int maxValues) {
    return parse(serving.body(ctx), serving.json(), maxValues);
  }

  /**
   * Bytes as a JSON object of at most {@code maxValues} values (objects, arrays and scalars alike).
   *
   * @throws ApiException a 400 saying what is wrong and where
   */
  static JsonNode parse(byte[] bytes, ObjectMapper mapper, int maxValues) {
    if (bytes.length == 0) {
      throw new ApiException(400, "missing_body", null, "the request needs a JSON object body");
    }
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ApiException(400, "invalid_json", null, "the body must be a JSON object");
      }
      int[] budget = {maxValues};
      JsonNode root = value(parser, mapper.getNodeFactory(), budget, maxValues);
      if (parser.nextToken() != null) {
        throw new ApiException(
            400, "invalid_json", null, "the body holds more than one JSON value; send one object");
      }
      return root;
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
  }

  /** The value whose first token the parser is at, counted against the budget. */
  private static JsonNode value(
      JsonParser parser, JsonNodeFactory nodes, int[] budget, int maxValues)
      throws java.io.IOException {
    if (--budget[0] < 0) {
      throw new ApiException(
          400,
          "body_too_complex",
          null,
          "the body holds more than "
              + maxValues
              + " JSON values, more than this endpoint ever needs; send fewer");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String name = parser.currentName();
          parser.nextToken();
          JsonNode child = value(parser, nodes, budget, maxValues);
          if (object.has(name)) {
            throw ApiException.badField(Params.clip(name), "is given twice; give it once");
          }
          object.set(name, child);
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, nodes, budget, maxValues));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new ApiException(400, "invalid_json", null, "the body is not valid JSON");
    }
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
