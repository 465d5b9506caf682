package org.movierec.app.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads the reactor's pom files, so that tests can compare them with what depends on them. */
final class ProjectPoms {

  /** The repository root, seen from a module's directory, where Surefire runs. */
  static final Path ROOT = Path.of("..");

  private ProjectPoms() {}

  /** Parses one pom file. */
  static Element read(Path pom) throws IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    try (InputStream in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(pom + " is not a readable pom: " + e.getMessage(), e);
    }
  }

  /** The text of the direct child named {@code name}, or "" when there is none. */
  static String childText(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent().trim();
  }

  /** The direct child named {@code name}, or null. */
  static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  /** Every direct child named {@code name}. */
  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  /** Tells whether any element named {@code name} anywhere below {@code root} has this text. */
  static boolean containsText(Element root, String name, String text) {
    NodeList nodes = root.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getTextContent().trim().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
