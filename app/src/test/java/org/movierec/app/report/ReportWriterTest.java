package org.movierec.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.training.EpochReport;

class ReportWriterTest {

  @TempDir Path dir;

  @Test
  void write_fullContent_writesPageAndDecodablePlots() throws Exception {
    ReportContent content =
        ReportContent.builder("movierec cv")
            .optConfiguration(Map.of("epochs", "3"))
            .optData("ratings", 1000)
            .optMetrics(new MetricsRow("djl (tuned)", ordered("rmse", 0.91, "mae", 0.72)))
            .optMetrics(new MetricsRow("baseline", Map.of("rmse", 0.944)))
            .optHistory(
                List.of(
                    new EpochReport(1, 2, 1.2, 1.1, 0.001, 100, 1, 1, 1),
                    new EpochReport(2, 2, 1.0, 1.05, 0.001, 100, 1, 2, 0)))
            .optPredictions(new float[] {3.5f, 4.1f, 2.2f}, new float[] {4f, 4f, 2f})
            .optFoldRmse("djl (tuned)", new double[] {0.91, 0.92})
            .build();

    List<Path> files = new ReportWriter().write(dir, content);

    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("report.md", "training.png", "ratings.png", "folds.png");
    String page = Files.readString(dir.resolve("report.md"));
    assertThat(page)
        .contains("# movierec cv")
        .contains("| djl (tuned) | 0.9100 | 0.7200 |")
        .contains("| baseline | 0.9440 |  |")
        .contains("![training.png](training.png)")
        .contains("| epochs | 3 |");
    for (Path png : files.subList(1, files.size())) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(800);
    }
  }

  private static Map<String, Double> ordered(String a, double x, String b, double y) {
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    values.put(a, x);
    values.put(b, y);
    return values;
  }

  @Test
  void write_metricsOnly_writesNoPlots() throws Exception {
    ReportContent content =
        ReportContent.builder("movierec train")
            .optMetrics(new MetricsRow("baseline", Map.of("rmse", 0.95)))
            .build();

    List<Path> files = new ReportWriter().write(dir, content);

    assertThat(files).containsExactly(dir.resolve("report.md"));
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("## Plots");
  }
}
