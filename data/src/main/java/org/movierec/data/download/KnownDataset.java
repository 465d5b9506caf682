package org.movierec.data.download;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The MovieLens datasets the downloader knows, by the names GroupLens gives their archives. */
public enum KnownDataset {
  /** 100,000 ratings from 943 users on 1,682 movies (1998), whole stars. */
  ML_100K("ml-100k"),
  /** 1 million ratings from 6,040 users on 3,706 movies (2003), whole stars. */
  ML_1M("ml-1m"),
  /** 25 million ratings from 162,541 users on 59,047 movies (2019), half stars. */
  ML_25M("ml-25m"),
  /** 32 million ratings from 200,948 users on 84,432 movies (2024), half stars. */
  ML_32M("ml-32m"),
  /** About 100,000 ratings from 610 users, a small sample of the latest data, half stars. */
  ML_LATEST_SMALL("ml-latest-small");

  private final String id;

  KnownDataset(String id) {
    this.id = id;
  }

  /**
   * The dataset named {@code name}, e.g. {@code ml-100k}, ignoring case.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static KnownDataset parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (KnownDataset dataset : values()) {
      if (dataset.id.equals(key)) {
        return dataset;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + names());
  }

  /** The known names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(KnownDataset::id).collect(Collectors.joining(", "));
  }

  /** The dataset's name, which is also its directory in the cache. */
  public String id() {
    return id;
  }

  /** The archive's file name on the GroupLens server. */
  public String archive() {
    return id + ".zip";
  }

  /** The name of the checksum file GroupLens publishes beside the archive. */
  public String checksumFile() {
    return archive() + ".md5";
  }

  /** What the user must know before using the data. */
  public String licenseNotice() {
    return "MovieLens "
        + id
        + " is collected and distributed by GroupLens Research at the University of Minnesota."
        + " Its license allows research use, requires acknowledging the source (F. Maxwell Harper"
        + " and Joseph A. Konstan, \"The MovieLens Datasets: History and Context\", ACM TiiS 5(4),"
        + " 2015), and forbids redistribution and commercial use without permission. Read the"
        + " README in the dataset directory for the full terms.";
  }

  @Override
  public String toString() {
    return id;
  }
}
