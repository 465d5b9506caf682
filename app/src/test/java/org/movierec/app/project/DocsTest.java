package org.movierec.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README stays a short map (at most 250 lines, linking every guide, with the two Quick start
 * commands CI runs), and every relative link of README.md, BENCHMARKS.md and docs/*.md reaches an
 * existing file and heading.
 */
class DocsTest {

  private static final int README_MAX_LINES = 250;
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

  @Test
  void readme_length_atMost250Lines() throws IOException {
    List<String> lines = Files.readAllLines(ProjectPoms.ROOT.resolve("README.md"));

    assertThat(lines.size())
        .as("README.md's lines; move detail into a docs/ guide and link it")
        .isLessThanOrEqualTo(README_MAX_LINES);
  }

  @Test
  void readme_guides_everyGuideLinked() throws IOException {
    String readme = Files.readString(ProjectPoms.ROOT.resolve("README.md"));

    for (Path guide : guides()) {
      assertThat(readme)
          .as("README.md links docs/" + guide.getFileName())
          .contains("](docs/" + guide.getFileName());
    }
  }

  @Test
  void readmeAndCi_quickStart_runTheSameTwoCommands() throws IOException {
    String readme = Files.readString(ProjectPoms.ROOT.resolve("README.md"));
    String ci = Files.readString(ProjectPoms.ROOT.resolve(".ci/run"));

    assertThat(readme)
        .contains("mvn -B -q install -DskipTests && mvn -B -q -pl app exec:java")
        .contains("\nmvn -B verify\n");
    assertThat(ci).as(".ci/run runs README's test command").contains("mvn -B verify ");
  }

  @Test
  void links_inReadmeBenchmarksAndGuides_reachExistingFilesAndHeadings() throws IOException {
    List<Path> documents = new ArrayList<>(guides());
    documents.add(ProjectPoms.ROOT.resolve("README.md"));
    documents.add(ProjectPoms.ROOT.resolve("BENCHMARKS.md"));
    documents.add(ProjectPoms.ROOT.resolve("examples/library-use/README.md"));
    List<String> broken = new ArrayList<>();
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(document + ": " + target + " (no file " + resolved + ")");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(document + ": " + target + " (no such heading in " + resolved + ")");
        }
      }
    }

    assertThat(broken).as("relative links that lead nowhere").isEmpty();
  }

  private static List<Path> guides() throws IOException {
    try (Stream<Path> files = Files.list(ProjectPoms.ROOT.resolve("docs"))) {
      return files.filter(path -> path.toString().endsWith(".md")).sorted().toList();
    }
  }

  /** The anchors GitHub gives a Markdown file's headings, outside code blocks. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    boolean code = false;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("```")) {
        code = !code;
      }
      Matcher heading = HEADING.matcher(line);
      if (!code && heading.matches()) {
        anchors.add(
            heading
                .group(1)
                .trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-'));
      }
    }
    return anchors;
  }
}
