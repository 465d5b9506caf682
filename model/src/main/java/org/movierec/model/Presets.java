package org.movierec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in training recipes. */
public final class Presets {

  /**
   * The original homework's recipe, exactly: the seed network, Adam at 0.001, batches of 256, loss
   * = sqrt(batch MSE), 50 epochs, no regularization, no validation, no early stopping.
   */
  public static final Preset SEED =
      new Preset(
          "seed",
          "the original recipe: seed network, Adam lr 0.001, batch 256, RMSE loss, 50 epochs",
          Map.ofEntries(
              Map.entry("backend", "djl"),
              Map.entry("network", "seed"),
              Map.entry("epochs", "50"),
              Map.entry("batch_size", "256"),
              Map.entry("learning_rate", "0.001"),
              Map.entry("optimizer", "adam"),
              Map.entry("adam_beta1", "0.9"),
              Map.entry("adam_beta2", "0.999"),
              Map.entry("adam_epsilon", "1e-8"),
              Map.entry("weight_decay", "0"),
              Map.entry("embedding_weight_decay", "0"),
              Map.entry("embedding_optimizer", "dense"),
              Map.entry("output_offset", "none"),
              Map.entry("lr_schedule", "constant"),
              Map.entry("loss", "rmse"),
              Map.entry("validation_fraction", "0"),
              Map.entry("early_stopping_patience", "0")));

  /**
   * The seed architecture with a training recipe chosen by {@code movierec tune} on validation data
   * carved out of MovieLens 100k's training files only (docs/results/tuning-log.md): the output
   * layer starts positive so the ReLU output cannot start dead, MSE loss, Adam at 0.0016 (beta2
   * 0.99) decayed to zero by a cosine over 48 epochs, L2 weight decay 0.14 on the embeddings only,
   * and early stopping on a validation split of 5% of the training ratings that keeps the best
   * epoch. Its embedding updates are {@code auto}: dense, as tuned, on tables of MovieLens 100k and
   * 1M size, lazy beyond.
   */
  public static final Preset TUNED =
      new Preset(
          "tuned",
          "the seed network with a recipe tuned on validation data: positive output init, MSE,"
              + " Adam lr 0.0016 (beta2 0.99) with cosine decay over 48 epochs, embedding weight"
              + " decay 0.14, best epoch on 5% validation",
          with(
              SEED.settings(),
              Map.ofEntries(
                  Map.entry("network", NetworkSpecs.SEED_POSITIVE_OUTPUT),
                  Map.entry("epochs", "48"),
                  Map.entry("learning_rate", "0.0016"),
                  Map.entry("adam_beta2", "0.99"),
                  Map.entry("lr_schedule", "cosine"),
                  Map.entry("embedding_weight_decay", "0.14"),
                  Map.entry("loss", "mse"),
                  Map.entry("validation_fraction", "0.05"),
                  Map.entry("early_stopping_patience", "10"),
                  // dense on MovieLens 100k and 1M (exactly the recipe tuned there), lazy on
                  // tables past 300,000 values, where dense updates cost the catalog every step
                  Map.entry("embedding_optimizer", "auto"))));

  /**
   * The tuned recipe cut to 20 epochs, so the default run shows the whole flow in seconds, with
   * embedding weight decay 0.001 instead of 0.14, Adam at 0.003 and beta2 0.999: the generated
   * sample is much less noisy than MovieLens, and under the tuned decay the network needs about 50
   * epochs to pick up its latent factors. The tuned rate and beta2 suit 48 epochs on MovieLens; in
   * 20 epochs on the sample they left the test RMSE at 0.926, 0.919 and 0.928 for seeds 1 to 3
   * (bias baseline 0.942, 0.954, 0.947), against 0.843 for seed 1 with these (measured with {@code
   * movierec demo --seed N}).
   */
  public static final Preset DEMO =
      new Preset(
          "demo",
          "the tuned recipe for 20 epochs with embedding weight decay 0.001, Adam lr 0.003 and"
              + " beta2 0.999 for the low-noise generated sample: the default run's quick"
              + " end-to-end demonstration",
          with(
              TUNED.settings(),
              Map.of(
                  "epochs", "20",
                  "embedding_weight_decay", "0.001",
                  "learning_rate", "0.003",
                  "adam_beta2", "0.999")));

  /**
   * For catalogs of MovieLens 25M size: a step costs what its batch touches (lazy embedding
   * updates), and the network learns what the bias estimate leaves ({@code output_offset = biases})
   * with the seed's dense layers plus the dot product of its N(0, 0.1) embeddings ({@code
   * seed-residual-dot}); MSE, Adam at 0.01 decayed to zero by a cosine over 20 epochs, no embedding
   * weight decay (any decay of 0.003 or more held the embeddings at zero for a whole epoch at
   * ml-25m's density), and the best epoch on 5% validation. Chosen by validation RMSE on generated
   * data of ml-25m's shape, never on test ratings (docs/training.md, Training at MovieLens 25M
   * scale).
   */
  public static final Preset LARGE =
      new Preset(
          "large",
          "for large catalogs (MovieLens 25M): lazy embedding updates, the bias estimate plus the"
              + " seed network with an embedding dot product (seed-residual-dot), MSE, Adam lr"
              + " 0.01 with cosine decay over 20 epochs, no embedding weight decay, best epoch on"
              + " 5% validation",
          with(
              TUNED.settings(),
              Map.ofEntries(
                  Map.entry("network", NetworkSpecs.SEED_RESIDUAL_DOT),
                  Map.entry("output_offset", "biases"),
                  Map.entry("embedding_optimizer", "lazy"),
                  Map.entry("learning_rate", "0.01"),
                  Map.entry("embedding_weight_decay", "0"),
                  // measured with the previous tuned recipe's beta2, which tuned no longer has
                  Map.entry("adam_beta2", "0.999"),
                  Map.entry("epochs", "20"))));

  /**
   * Lists worth following: the seed's dense tower with an identity output and the embeddings' dot
   * product over users formed from their history ({@code seed-rank}), trained to tell each user's
   * rated movies from 16 unrated ones drawn uniformly anew every epoch (binary cross-entropy on the
   * logit), Adam at 0.008789 over batches of 1,024 ratings and their negatives, L2 decay 1e-5 on
   * the dense layers and on the touched embedding rows (lazy updates, which the history needs), and
   * the epoch with the best NDCG@10 on a 5% validation split. Each training batch leaves 80% of a
   * user's rated movies out of their history ({@code history_dropout = 0.8}), so that the network
   * also ranks well from a new user's few ratings. Chosen by the validation NDCG@10 of {@code
   * movierec tune} trials on a 10% validation carved out of ml-100k's u1.base only, the dropout by
   * {@code movierec newusers} on users held out of u1.base (docs/ranking.md); its lists are ordered
   * by the logit, its predicted ratings are the bias estimate.
   */
  public static final Preset RANK =
      new Preset(
          "rank",
          "lists worth following: seed-rank (seed tower + dot product, users from their history)"
              + " trained to rank rated movies above 16 sampled unrated ones, Adam lr 0.008789,"
              + " batches of 1,024, decay 1e-5, 80% of each history left out per batch, best"
              + " validation NDCG@10 on 5%",
          with(
              SEED.settings(),
              Map.ofEntries(
                  Map.entry("objective", "ranking"),
                  Map.entry("network", NetworkSpecs.SEED_RANK),
                  Map.entry("negatives", "16"),
                  Map.entry("negative_sampling", "uniform"),
                  Map.entry("history_dropout", "0.8"),
                  Map.entry("epochs", "30"),
                  Map.entry("batch_size", "1024"),
                  Map.entry("learning_rate", "0.008789"),
                  Map.entry("weight_decay", "0.00001"),
                  Map.entry("embedding_weight_decay", "0.00001"),
                  Map.entry("embedding_optimizer", "auto"),
                  Map.entry("validation_fraction", "0.05"),
                  Map.entry("early_stopping_patience", "4"))));

  private static final List<Preset> ALL = List.of(SEED, TUNED, DEMO, LARGE, RANK);

  private Presets() {}

  /** Every built-in preset. */
  public static List<Preset> all() {
    return ALL;
  }

  /** The preset with this name, if any. */
  public static Optional<Preset> find(String name) {
    return ALL.stream().filter(preset -> preset.name().equals(name)).findFirst();
  }

  private static Map<String, String> with(Map<String, String> base, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    merged.putAll(changes);
    return merged;
  }
}
