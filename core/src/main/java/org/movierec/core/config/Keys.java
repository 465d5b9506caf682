package org.movierec.core.config;

import java.util.List;
import java.util.regex.Pattern;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.rank.CatalogThreads;
import org.movierec.core.training.EmbeddingOptimizer;
import org.movierec.core.training.LearningRateSchedule;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.NegativeSampling;
import org.movierec.core.training.OptimizerKind;
import org.movierec.core.training.OutputOffset;
import org.movierec.core.training.TrainingObjective;
import org.movierec.core.training.TrainingStepKind;

/** Every configuration key movierec understands, each declared once with its default. */
public final class Keys {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** The backend that trains and serves models, found by this name through the SPI. */
  public static final ConfigKey<String> BACKEND =
      ConfigKey.text(
          "backend",
          "djl",
          "a backend name such as djl or baseline",
          value -> NAME.matcher(value).matches(),
          "backend that trains and serves the model (djl, baseline, itemknn, ease)");

  /** The device to compute on. */
  public static final ConfigKey<String> DEVICE =
      ConfigKey.text(
          "device",
          "auto",
          "one of auto, cpu, gpu, gpu:N",
          value -> {
            try {
              DeviceRequest.parse(value);
              return true;
            } catch (IllegalArgumentException e) {
              return false;
            }
          },
          "compute device: auto (GPU when one is found), cpu, gpu or gpu:N");

  /** The network architecture: a built-in spec name or a JSON spec file. */
  public static final ConfigKey<String> NETWORK =
      ConfigKey.text(
          "network",
          "seed",
          "a built-in network name (seed, seed-positive-output, seed-small-embeddings,"
              + " seed-residual, seed-residual-dot, seed-rank, seed-joint) or the path of a JSON"
              + " network spec",
          value -> !value.isEmpty(),
          "network spec: built-in name or path of a JSON spec file");

  /** Passes over the training data. */
  public static final ConfigKey<Integer> EPOCHS =
      ConfigKey.integer("epochs", 50, 1, 100_000, "passes over the training ratings");

  /** Ratings per optimizer step. */
  public static final ConfigKey<Integer> BATCH_SIZE =
      ConfigKey.integer("batch_size", 256, 1, 1 << 24, "ratings per optimizer step");

  /** The initial learning rate. */
  public static final ConfigKey<Double> LEARNING_RATE =
      ConfigKey.decimal(
          "learning_rate", 0.001, 0, false, 10, "initial learning rate of the optimizer");

  /** The optimizer. */
  public static final ConfigKey<OptimizerKind> OPTIMIZER =
      ConfigKey.choice("optimizer", OptimizerKind.class, OptimizerKind.ADAM, "optimizer");

  /** Adam's first-moment decay. */
  public static final ConfigKey<Double> ADAM_BETA1 =
      ConfigKey.decimal("adam_beta1", 0.9, 0, true, 1, "Adam's first-moment decay rate");

  /** Adam's second-moment decay. */
  public static final ConfigKey<Double> ADAM_BETA2 =
      ConfigKey.decimal("adam_beta2", 0.999, 0, true, 1, "Adam's second-moment decay rate");

  /** Adam's epsilon. */
  public static final ConfigKey<Double> ADAM_EPSILON =
      ConfigKey.decimal(
          "adam_epsilon", 1e-8, 0, false, 1, "Adam's epsilon added to the denominator");

  /** L2 weight decay on the dense layers. */
  public static final ConfigKey<Double> WEIGHT_DECAY =
      ConfigKey.decimal(
          "weight_decay",
          0,
          0,
          true,
          Double.MAX_VALUE,
          "L2 weight decay on dense-layer weights and biases (0 = none)");

  /** L2 weight decay on the embeddings. */
  public static final ConfigKey<Double> EMBEDDING_WEIGHT_DECAY =
      ConfigKey.decimal(
          "embedding_weight_decay",
          0,
          0,
          true,
          Double.MAX_VALUE,
          "L2 weight decay on the user and movie embeddings (0 = none)");

  /** Whether the embedding tables are updated whole or only in the rows a batch touches. */
  public static final ConfigKey<EmbeddingOptimizer> EMBEDDING_OPTIMIZER =
      ConfigKey.choice(
          "embedding_optimizer",
          EmbeddingOptimizer.class,
          EmbeddingOptimizer.AUTO,
          "how the optimizer updates the embedding tables: dense = every row every step (exact"
              + " torch.optim.Adam); lazy = only the rows a batch touches, so a step costs what"
              + " the batch touches (a row's Adam moments and weight decay advance only on steps"
              + " that touch it; duplicate rows in a batch are summed first; bias correction"
              + " counts all steps); auto = lazy when the two tables hold more than 300,000"
              + " values (10,000 rows at width 30) or the network has a user_history, else dense");

  /** Where a training step's arithmetic runs: the engine, or plain Java on the JVM. */
  public static final ConfigKey<TrainingStepKind> TRAINING_STEP =
      ConfigKey.choice(
          "training_step",
          TrainingStepKind.class,
          TrainingStepKind.AUTO,
          "djl: where a training step's forward pass, backward pass and optimizer update run:"
              + " engine = libtorch through DJL (every network, CPU or GPU); jvm = plain Java loops"
              + " on one thread, CPU only (plain dense networks without embedding_dot, ranking head"
              + " or user_history, objective rating or ranking; other networks fall back to the"
              + " engine, as the log says); auto = jvm where it covers the network on the CPU"
              + " (measured 1.4x to 2.3x the engine's training samples/s on the seed recipe, 1.06x"
              + " to 1.14x for lazy updates over wide tables), else engine");

  /** What the network's output is added to: nothing, or the fitted bias estimate. */
  public static final ConfigKey<OutputOffset> OUTPUT_OFFSET =
      ConfigKey.choice(
          "output_offset",
          OutputOffset.class,
          OutputOffset.NONE,
          "what the network's output is added to: none = the network predicts the rating;"
              + " biases = the prediction is mean + user bias + movie bias (fitted with the"
              + " bias_* keys before training, on the ratings the network fits) + the network's"
              + " output, which trains on the residual rating - biases (use a network whose"
              + " output layer can go negative, such as seed-residual)");

  /** The learning-rate schedule. */
  public static final ConfigKey<LearningRateSchedule> LR_SCHEDULE =
      ConfigKey.choice(
          "lr_schedule",
          LearningRateSchedule.class,
          LearningRateSchedule.CONSTANT,
          "learning-rate schedule over epochs");

  /** The factor of the step schedule. */
  public static final ConfigKey<Double> LR_DECAY_FACTOR =
      ConfigKey.decimal("lr_decay_factor", 0.5, 0, false, 1, "factor applied by the step schedule");

  /** The period of the step schedule. */
  public static final ConfigKey<Integer> LR_DECAY_EPOCHS =
      ConfigKey.integer(
          "lr_decay_epochs",
          10,
          1,
          Integer.MAX_VALUE,
          "epochs between two decays of the step schedule");

  /** The training loss. */
  public static final ConfigKey<LossKind> LOSS =
      ConfigKey.choice("loss", LossKind.class, LossKind.RMSE, "per-batch training loss");

  /** What the network is trained to do: predict ratings, rank movies, or both. */
  public static final ConfigKey<TrainingObjective> OBJECTIVE =
      ConfigKey.choice(
          "objective",
          TrainingObjective.class,
          TrainingObjective.RATING,
          "what the network learns: rating = the stars of rated movies (lists by predicted"
              + " rating); ranking = rated against sampled unrated movies, binary cross-entropy"
              + " on the output's logit (lists by that logit, predicted ratings from the biases);"
              + " joint = both, the output layer rating and the spec's ranking_head ranking");

  /** Unrated movies sampled per training rating under the ranking objectives. */
  public static final ConfigKey<Integer> NEGATIVES =
      ConfigKey.integer(
          "negatives",
          4,
          1,
          1000,
          "objective=ranking|joint: unrated movies sampled per training rating, anew every epoch"
              + " (seeded); a batch holds batch_size ratings and their negatives");

  /** How negatives are drawn. */
  public static final ConfigKey<NegativeSampling> NEGATIVE_SAMPLING =
      ConfigKey.choice(
          "negative_sampling",
          NegativeSampling.class,
          NegativeSampling.UNIFORM,
          "objective=ranking|joint: uniform over the movies the user did not rate, or in"
              + " proportion to each movie's number of training ratings (popularity)");

  /** The weight of the ranking loss beside the rating loss under the joint objective. */
  public static final ConfigKey<Double> RANKING_WEIGHT =
      ConfigKey.decimal(
          "ranking_weight",
          1,
          0,
          false,
          1e6,
          "objective=joint: the loss is the rating loss over the ratings plus this times the"
              + " binary cross-entropy over ratings and negatives");

  /** The share of a user's history each training batch leaves out. */
  public static final ConfigKey<Double> HISTORY_DROPOUT =
      ConfigKey.decimal(
          "history_dropout",
          0,
          0,
          true,
          1,
          "networks with a user_history: each rated movie is left out of its user's history for a"
              + " training batch with this probability (seeded), so that the network also learns"
              + " to rank from the few ratings of a new user");

  /** The random seed. */
  public static final ConfigKey<Long> SEED =
      ConfigKey.longValue(
          "seed", 1, "random seed for initialization, shuffling and validation split");

  /** Share of the training ratings held out for validation. */
  public static final ConfigKey<Double> VALIDATION_FRACTION =
      ConfigKey.decimal(
          "validation_fraction",
          0,
          0,
          true,
          0.9,
          "share of training ratings held out to measure validation RMSE (0 = none)");

  /** Epochs without validation improvement before training stops. */
  public static final ConfigKey<Integer> EARLY_STOPPING_PATIENCE =
      ConfigKey.integer(
          "early_stopping_patience",
          0,
          0,
          Integer.MAX_VALUE,
          "stop after this many epochs without a better validation RMSE and keep the best"
              + " epoch (0 = off; needs validation_fraction > 0)");

  /** Epochs between checkpoints written to the model file while training. */
  public static final ConfigKey<Integer> CHECKPOINT_EVERY =
      ConfigKey.integer(
          "checkpoint_every",
          0,
          0,
          100_000,
          "also write the model file after every N epochs while training, so that Ctrl-C or a"
              + " crash keeps the last one (0 = only at the end)");

  /** What to do with unknown users and movies. */
  public static final ConfigKey<ColdStartPolicy> COLD_START =
      ConfigKey.choice(
          "cold_start",
          ColdStartPolicy.class,
          ColdStartPolicy.FALLBACK,
          "unknown user or movie: error, or fall back to the bias estimate");

  /** Threads for computation. */
  public static final ConfigKey<Integer> THREADS =
      ConfigKey.integer(
          "threads",
          0,
          0,
          1024,
          "compute threads (0 = each part's own choice: for djl training one PyTorch thread, which"
              + " measured fastest on 2 shared cores, plus one JVM thread that prepares batches"
              + " and does the lazy row updates; one per core for evaluation. djl training with 1"
              + " runs everything on one thread, with N > 1 uses N PyTorch threads plus the JVM"
              + " thread)");

  /** Threads that score one user's catalog for a list. */
  public static final ConfigKey<Integer> RECOMMEND_THREADS =
      ConfigKey.integer(
          "recommend_threads",
          0,
          0,
          CatalogThreads.MAX_THREADS,
          "threads that score one user's catalog for a list, the caller's included (0 = one per"
              + " core; 1 = the caller alone, as Spark tasks do). A list uses only threads no other"
              + " list in flight holds, and one per "
              + CatalogThreads.MIN_CHUNK
              + " movies at most, so a busy server or a batch scores each list on its caller");

  /** Regularization of user biases. */
  public static final ConfigKey<Double> BIAS_REG_USER =
      ConfigKey.decimal(
          "bias_reg_user",
          15,
          0,
          true,
          Double.MAX_VALUE,
          "regularization of user biases in the bias baseline and fallback");

  /** Regularization of movie biases. */
  public static final ConfigKey<Double> BIAS_REG_MOVIE =
      ConfigKey.decimal(
          "bias_reg_movie",
          10,
          0,
          true,
          Double.MAX_VALUE,
          "regularization of movie biases in the bias baseline and fallback");

  /** Alternating least-squares sweeps of the bias fit. */
  public static final ConfigKey<Integer> BIAS_ITERATIONS =
      ConfigKey.integer(
          "bias_iterations", 10, 1, 10_000, "alternating least-squares sweeps of the bias fit");

  /** Neighbours kept per movie by the item-kNN backend. */
  public static final ConfigKey<Integer> NEIGHBOURS =
      ConfigKey.integer(
          "neighbours",
          300,
          1,
          100_000,
          "itemknn: the most similar movies kept per movie (300: best NDCG@10 in 5-fold"
              + " validation within ml-100k's u1.base)");

  /** Shrinkage of item-kNN similarities towards zero for movies rated together by few users. */
  public static final ConfigKey<Double> SHRINKAGE =
      ConfigKey.decimal(
          "shrinkage",
          0,
          0,
          true,
          Double.MAX_VALUE,
          "itemknn: cosine times co-raters / (co-raters + shrinkage); 0 keeps the plain cosine");

  /** The L2 regularization of EASE's item-item weights. */
  public static final ConfigKey<Double> EASE_LAMBDA =
      ConfigKey.decimal(
          "lambda",
          500,
          0,
          false,
          Double.MAX_VALUE,
          "ease: L2 regularization added to the Gram matrix's diagonal (chosen on validation)");

  /** Every key, in documentation order. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          BACKEND,
          DEVICE,
          NETWORK,
          EPOCHS,
          BATCH_SIZE,
          LEARNING_RATE,
          OPTIMIZER,
          ADAM_BETA1,
          ADAM_BETA2,
          ADAM_EPSILON,
          WEIGHT_DECAY,
          EMBEDDING_WEIGHT_DECAY,
          EMBEDDING_OPTIMIZER,
          TRAINING_STEP,
          OUTPUT_OFFSET,
          LR_SCHEDULE,
          LR_DECAY_FACTOR,
          LR_DECAY_EPOCHS,
          LOSS,
          OBJECTIVE,
          NEGATIVES,
          NEGATIVE_SAMPLING,
          RANKING_WEIGHT,
          HISTORY_DROPOUT,
          SEED,
          VALIDATION_FRACTION,
          EARLY_STOPPING_PATIENCE,
          CHECKPOINT_EVERY,
          COLD_START,
          THREADS,
          RECOMMEND_THREADS,
          BIAS_REG_USER,
          BIAS_REG_MOVIE,
          BIAS_ITERATIONS,
          NEIGHBOURS,
          SHRINKAGE,
          EASE_LAMBDA);

  private Keys() {}
}
