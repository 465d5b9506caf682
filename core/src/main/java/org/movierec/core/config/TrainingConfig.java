package org.movierec.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.training.EmbeddingOptimizer;
import org.movierec.core.training.LearningRateSchedule;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.OptimizerKind;
import org.movierec.core.training.OutputOffset;
import org.movierec.core.training.TrainingObjective;

/**
 * The effective, validated configuration of a run: one value for every key in {@link Keys#ALL}.
 * Immutable; derive changed copies with {@link #toBuilder()}.
 */
public final class TrainingConfig {

  private final Map<ConfigKey<?>, Object> values;

  private TrainingConfig(Map<ConfigKey<?>, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** The built-in defaults. */
  public static TrainingConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the built-in defaults. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(values));
  }

  /** The value of a key. */
  public <T> T get(ConfigKey<T> key) {
    return key.type().cast(values.getOrDefault(key, key.defaultValue()));
  }

  /** The backend name. */
  public String backend() {
    return get(Keys.BACKEND);
  }

  /** The requested device. */
  public DeviceRequest device() {
    return DeviceRequest.parse(get(Keys.DEVICE));
  }

  /** The network spec name or file. */
  public String network() {
    return get(Keys.NETWORK);
  }

  /** Passes over the training data. */
  public int epochs() {
    return get(Keys.EPOCHS);
  }

  /** Ratings per optimizer step. */
  public int batchSize() {
    return get(Keys.BATCH_SIZE);
  }

  /** The initial learning rate. */
  public double learningRate() {
    return get(Keys.LEARNING_RATE);
  }

  /** The optimizer. */
  public OptimizerKind optimizer() {
    return get(Keys.OPTIMIZER);
  }

  /** Dense-layer weight decay. */
  public double weightDecay() {
    return get(Keys.WEIGHT_DECAY);
  }

  /** Embedding weight decay. */
  public double embeddingWeightDecay() {
    return get(Keys.EMBEDDING_WEIGHT_DECAY);
  }

  /** How the embedding tables are updated. */
  public EmbeddingOptimizer embeddingOptimizer() {
    return get(Keys.EMBEDDING_OPTIMIZER);
  }

  /** What the network's output is added to. */
  public OutputOffset outputOffset() {
    return get(Keys.OUTPUT_OFFSET);
  }

  /** The learning-rate schedule. */
  public LearningRateSchedule learningRateSchedule() {
    return get(Keys.LR_SCHEDULE);
  }

  /** The learning rate of a zero-based epoch under the configured schedule. */
  public double learningRateAt(int epoch) {
    return learningRateSchedule()
        .rateFor(
            learningRate(), epoch, epochs(), get(Keys.LR_DECAY_FACTOR), get(Keys.LR_DECAY_EPOCHS));
  }

  /** The training loss. */
  public LossKind loss() {
    return get(Keys.LOSS);
  }

  /** What the network is trained to do. */
  public TrainingObjective objective() {
    return get(Keys.OBJECTIVE);
  }

  /** The random seed. */
  public long seed() {
    return get(Keys.SEED);
  }

  /** The share of training ratings held out for validation. */
  public double validationFraction() {
    return get(Keys.VALIDATION_FRACTION);
  }

  /** Epochs without improvement before stopping; 0 when early stopping is off. */
  public int earlyStoppingPatience() {
    return get(Keys.EARLY_STOPPING_PATIENCE);
  }

  /** The cold-start policy. */
  public ColdStartPolicy coldStart() {
    return get(Keys.COLD_START);
  }

  /** Compute threads, 0 for one per core. */
  public int threads() {
    return get(Keys.THREADS);
  }

  /** The configuration as key to text, in {@link Keys#ALL} order, e.g. for a model file. */
  public Map<String, String> toTextMap() {
    Map<String, String> text = new LinkedHashMap<>();
    for (ConfigKey<?> key : Keys.ALL) {
      text.put(key.name(), key.format(get(key)));
    }
    return Collections.unmodifiableMap(text);
  }

  /** The keys whose value differs from the built-in default. */
  public Map<String, String> changedFromDefaults() {
    Map<String, String> text = new LinkedHashMap<>();
    for (ConfigKey<?> key : Keys.ALL) {
      if (!get(key).equals(key.defaultValue())) {
        text.put(key.name(), key.format(get(key)));
      }
    }
    return text;
  }

  /** The declared key with this name, if any. */
  public static Optional<ConfigKey<?>> findKey(String name) {
    return Keys.ALL.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  /**
   * The one message for a key name that {@link #findKey} does not know: the name as written, the
   * nearest known key for a typo and where to find them all.
   */
  public static String unknownKeyMessage(String written) {
    return unknownKeyMessage(written, List.of());
  }

  /**
   * The message for an unknown key name where a command also takes keys of its own, such as the
   * server's: the nearest key is looked for among both.
   */
  public static String unknownKeyMessage(String written, List<ConfigKey<?>> commandKeys) {
    String normalized = written.strip().replace('-', '_');
    String nearest =
        KeySuggestions.nearest(
            normalized,
            java.util.stream.Stream.concat(Keys.ALL.stream(), commandKeys.stream())
                .map(ConfigKey::name));
    return "unknown configuration key '"
        + written.strip()
        + "'"
        + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
        + " (movierec config --keys lists them all)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainingConfig that && toTextMap().equals(that.toTextMap());
  }

  @Override
  public int hashCode() {
    return toTextMap().hashCode();
  }

  @Override
  public String toString() {
    return "TrainingConfig" + changedFromDefaults();
  }

  /** Sets keys by name or by declaration and reports every problem at once in {@link #build()}. */
  public static final class Builder {

    private final Map<ConfigKey<?>, Object> values;
    private final List<String> problems = new ArrayList<>();

    private Builder(Map<ConfigKey<?>, Object> values) {
      this.values = values;
    }

    /** Sets a key to a typed value. */
    public <T> Builder set(ConfigKey<T> key, T value) {
      values.put(key, key.type().cast(value));
      return this;
    }

    /**
     * Sets a key by name from its text form; an unknown name or bad value is remembered and
     * reported by {@link #build()}, with the nearest known key for a typo.
     */
    public Builder set(String name, String text) {
      String normalized = name.trim().replace('-', '_');
      Optional<ConfigKey<?>> key = findKey(normalized);
      if (key.isEmpty()) {
        problems.add(unknownKeyMessage(name));
        return this;
      }
      try {
        values.put(key.get(), key.get().parse(text));
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
      return this;
    }

    /** Sets every entry of a key-to-text map, in its order. */
    public Builder setAll(Map<String, String> entries) {
      entries.forEach(this::set);
      return this;
    }

    /**
     * Validates and freezes the configuration.
     *
     * @throws ConfigException listing every unknown key, bad value and inconsistency
     */
    public TrainingConfig build() {
      List<String> all = new ArrayList<>(problems);
      TrainingConfig config = new TrainingConfig(new LinkedHashMap<>(values));
      if (config.earlyStoppingPatience() > 0 && config.validationFraction() == 0) {
        all.add(
            "early_stopping_patience="
                + config.earlyStoppingPatience()
                + " needs a validation set; set validation_fraction to a value such as 0.05");
      }
      if (!all.isEmpty()) {
        throw new ConfigException(String.join("; ", all));
      }
      return config;
    }
  }
}
