package org.movierec.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The bom lists every artifact the reactor publishes, at the reactor's version, so that a consumer
 * who imports it can name any module without a version.
 */
class BomTest {

  private static final String BOM_MODULE = "bom";

  @Test
  void bom_comparedWithReactorModules_listsEveryPublishedArtifact() throws IOException {
    Element parent = ProjectPoms.read(ProjectPoms.ROOT.resolve("pom.xml"));
    List<String> expected = new ArrayList<>();
    for (Element module : ProjectPoms.children(ProjectPoms.child(parent, "modules"), "module")) {
      String directory = module.getTextContent().trim();
      if (directory.equals(BOM_MODULE)) {
        continue;
      }
      Element pom = ProjectPoms.read(ProjectPoms.ROOT.resolve(directory).resolve("pom.xml"));
      // A module that is never deployed (the JMH benchmarks) is nothing a consumer can depend on.
      Element properties = ProjectPoms.child(pom, "properties");
      if (properties != null
          && ProjectPoms.childText(properties, "maven.deploy.skip").equals("true")) {
        continue;
      }
      String artifactId = ProjectPoms.childText(pom, "artifactId");
      expected.add(artifactId + ":jar");
      if (ProjectPoms.containsText(pom, "goal", "test-jar")) {
        expected.add(artifactId + ":test-jar");
      }
    }

    assertThat(bomEntries())
        .as(
            "bom/pom.xml's dependencyManagement against the reactor's modules (artifactId:type);"
                + " add a new module's artifact to bom/pom.xml at ${project.version}")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void bom_versions_areTheReactorVersion() throws IOException {
    Element parent = ProjectPoms.read(ProjectPoms.ROOT.resolve("pom.xml"));
    Element bom = ProjectPoms.read(ProjectPoms.ROOT.resolve(BOM_MODULE).resolve("pom.xml"));

    assertThat(ProjectPoms.childText(bom, "version"))
        .as("bom/pom.xml's <version> (it has no parent, so set it with the reactor's)")
        .isEqualTo(ProjectPoms.childText(parent, "version"));
    assertThat(ProjectPoms.childText(bom, "groupId")).isEqualTo("org.movierec");
    for (Element dependency : dependencies(bom)) {
      assertThat(ProjectPoms.childText(dependency, "version"))
          .as("version of " + ProjectPoms.childText(dependency, "artifactId") + " in the bom")
          .isEqualTo("${project.version}");
    }
  }

  private static List<String> bomEntries() throws IOException {
    Element bom = ProjectPoms.read(ProjectPoms.ROOT.resolve(BOM_MODULE).resolve("pom.xml"));
    List<String> entries = new ArrayList<>();
    for (Element dependency : dependencies(bom)) {
      String type = ProjectPoms.childText(dependency, "type");
      entries.add(
          ProjectPoms.childText(dependency, "artifactId") + ":" + (type.isEmpty() ? "jar" : type));
    }
    return entries;
  }

  private static List<Element> dependencies(Element bom) {
    Element management = ProjectPoms.child(bom, "dependencyManagement");
    return ProjectPoms.children(ProjectPoms.child(management, "dependencies"), "dependency");
  }
}
