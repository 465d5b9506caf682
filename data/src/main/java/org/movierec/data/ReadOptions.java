package org.movierec.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.data.RatingScale;

/**
 * How to read a dataset.
 *
 * @param layout the layout to assume; empty to detect it from the directory or the file's content
 * @param onBadLine whether to stop at the first bad line or skip and count bad lines
 * @param scale the rating scale to enforce; empty for the layout's default (whole stars for
 *     ml-100k, detected whole or half stars otherwise)
 * @param readCatalog whether to read titles, years and genres from the movie file when present
 * @param parallelism how many threads may parse one ratings file
 */
public record ReadOptions(
    Optional<Layout> layout,
    BadLinePolicy onBadLine,
    Optional<RatingScale> scale,
    boolean readCatalog,
    int parallelism) {

  /** Rejects missing parts and a parallelism below 1. */
  public ReadOptions {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(onBadLine, "onBadLine");
    Objects.requireNonNull(scale, "scale");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** Detected layout, stop at the first bad line, default scale, catalog read, all cores. */
  public static ReadOptions defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.layout = layout.orElse(null);
    builder.onBadLine = onBadLine;
    builder.scale = scale.orElse(null);
    builder.readCatalog = readCatalog;
    builder.parallelism = parallelism;
    return builder;
  }

  /** Builds {@link ReadOptions}; every setting is optional. */
  public static final class Builder {
    private Layout layout;
    private BadLinePolicy onBadLine = BadLinePolicy.FAIL;
    private RatingScale scale;
    private boolean readCatalog = true;
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** Declares the layout instead of detecting it; {@code null} restores detection. */
    public Builder optLayout(Layout layout) {
      this.layout = layout;
      return this;
    }

    /** Chooses between failing on and skipping bad lines. */
    public Builder optOnBadLine(BadLinePolicy onBadLine) {
      this.onBadLine = onBadLine;
      return this;
    }

    /**
     * Declares the rating scale instead of using the layout's default; {@code null} restores it.
     */
    public Builder optScale(RatingScale scale) {
      this.scale = scale;
      return this;
    }

    /** Chooses whether movie metadata is read. */
    public Builder optReadCatalog(boolean readCatalog) {
      this.readCatalog = readCatalog;
      return this;
    }

    /** Sets how many threads may parse one ratings file. */
    public Builder optParallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming every invalid setting
     */
    public ReadOptions build() {
      List<String> problems = new ArrayList<>();
      if (onBadLine == null) {
        problems.add("onBadLine is required (fail or skip)");
      }
      if (parallelism < 1) {
        problems.add("parallelism must be at least 1, got " + parallelism);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid read options: " + String.join("; ", problems));
      }
      return new ReadOptions(
          Optional.ofNullable(layout),
          onBadLine,
          Optional.ofNullable(scale),
          readCatalog,
          parallelism);
    }
  }
}
