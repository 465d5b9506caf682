package org.movierec.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.movierec.core.training.EpochReport;

/** Draws a report's plots with XChart and encodes them as PNG. */
final class ReportPlots {

  static final String TRAINING = "training.png";
  static final String DISTRIBUTION = "ratings.png";
  static final String FOLDS = "folds.png";
  static final String TRIALS = "trials.png";

  private static final int WIDTH = 800;
  private static final int HEIGHT = 500;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Train loss and validation RMSE per epoch. */
  byte[] training(List<EpochReport> history) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Training")
            .xAxisTitle("epoch")
            .yAxisTitle("train loss (the loss key: RMSE or MSE), validation RMSE")
            .build();
    double[] epochs = history.stream().mapToDouble(EpochReport::epoch).toArray();
    chart.addSeries(
        "train loss", epochs, history.stream().mapToDouble(EpochReport::trainLoss).toArray());
    if (history.stream().anyMatch(EpochReport::hasValidation)) {
      List<EpochReport> validated = history.stream().filter(EpochReport::hasValidation).toList();
      chart.addSeries(
          "validation RMSE",
          validated.stream().mapToDouble(EpochReport::epoch).toArray(),
          validated.stream().mapToDouble(EpochReport::validationRmse).toArray());
    }
    return png(chart);
  }

  /** How often each rating value occurs among predictions and among true ratings. */
  byte[] distribution(float[] predicted, float[] actual) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float value : actual) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    for (float value : predicted) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    int bins = 20;
    double width = Math.max(1e-6, (max - min) / bins);
    List<String> labels = new ArrayList<>();
    for (int bin = 0; bin < bins; bin++) {
      labels.add(String.format(java.util.Locale.ROOT, "%.2f", min + (bin + 0.5) * width));
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Predicted vs true ratings")
            .xAxisTitle("rating")
            .yAxisTitle("test pairs")
            .build();
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.addSeries("true", labels, histogram(actual, min, width, bins));
    chart.addSeries("predicted", labels, histogram(predicted, min, width, bins));
    return png(chart);
  }

  /** Test RMSE per fold for each label. */
  byte[] folds(Map<String, double[]> foldRmse) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Test RMSE per fold")
            .xAxisTitle("fold")
            .yAxisTitle("RMSE")
            .build();
    foldRmse.forEach(
        (label, values) -> {
          List<String> folds = new ArrayList<>();
          List<Double> rmse = new ArrayList<>();
          for (int fold = 0; fold < values.length; fold++) {
            folds.add(Integer.toString(fold + 1));
            rmse.add(values[fold]);
          }
          chart.addSeries(label, folds, rmse);
        });
    return png(chart);
  }

  /**
   * Each trial's score and the best so far, in trial order; failed trials are gaps.
   *
   * @param name what the scores are, e.g. {@code validation NDCG@10}
   * @param higherIsBetter whether the best so far is the highest score or the lowest
   */
  byte[] trials(double[] scores, String name, boolean higherIsBetter) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Search: " + name + " per trial")
            .xAxisTitle("trial")
            .yAxisTitle(name)
            .build();
    List<Double> trials = new ArrayList<>();
    List<Double> finished = new ArrayList<>();
    List<Double> bestSoFar = new ArrayList<>();
    double best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isFinite(scores[i])) {
        best = higherIsBetter ? Math.max(best, scores[i]) : Math.min(best, scores[i]);
        trials.add(i + 1.0);
        finished.add(scores[i]);
        bestSoFar.add(best);
      }
    }
    if (!trials.isEmpty()) {
      chart
          .addSeries("trial", trials, finished)
          .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      chart
          .addSeries("best so far", trials, bestSoFar)
          .setXYSeriesRenderStyle(XYSeriesRenderStyle.Step)
          .setMarker(SeriesMarkers.NONE);
    }
    return png(chart);
  }

  /** The trials' scores, named {@code name}, against one searched key's value. */
  byte[] scatter(ParameterScatter scatter, String name) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Search: " + name + " against " + scatter.key())
            .xAxisTitle(scatter.key() + (scatter.logScale() ? " (log scale)" : ""))
            .yAxisTitle(name)
            .build();
    chart.getStyler().setXAxisLogarithmic(scatter.logScale());
    List<Double> values = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < scatter.values().length; i++) {
      if (Double.isFinite(scatter.scores()[i])) {
        values.add(scatter.values()[i]);
        scores.add(scatter.scores()[i]);
      }
    }
    if (!values.isEmpty()) {
      chart.addSeries("trial", values, scores).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    }
    return png(chart);
  }

  private static List<Integer> histogram(float[] values, float min, double width, int bins) {
    int[] counts = new int[bins];
    for (float value : values) {
      counts[Math.min(bins - 1, (int) ((value - min) / width))]++;
    }
    List<Integer> list = new ArrayList<>();
    for (int count : counts) {
      list.add(count);
    }
    return list;
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a plot as PNG", e);
    }
  }
}
