package org.movierec.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The shipped logback.xml parses and sends every log line to stderr, never stdout. */
class LogbackConfigTest {

  @Test
  void logbackXml_parsesAndTargetsStderr() throws Exception {
    Document document;
    try (InputStream in = LogbackConfigTest.class.getResourceAsStream("/logback.xml")) {
      assertThat(in).as("logback.xml on the class path").isNotNull();
      document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    var targets = document.getElementsByTagName("target");
    assertThat(targets.getLength()).isEqualTo(1);
    assertThat(targets.item(0).getTextContent()).isEqualTo("System.err");
  }
}
