package org.movierec.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.movierec.app.config.ConfigRequest;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.model.Presets;

/**
 * How the default run trains the model that orders its lists: the {@code rank} preset cut to {@link
 * #EPOCHS} epochs, with the star model's seed and runtime settings, so that the demonstration stays
 * fast and both models run alike.
 *
 * <p>Why the cut: on the sample the full recipe stops early after 7 epochs, keeping epoch 3, and
 * trains for about 35 s on two cores, longer than the star model's whole run. Its validation
 * NDCG@10 peaks within the first epochs there, and since its learning rate is constant, a shorter
 * run keeps the same model whenever the best epoch lies within it: in the 5 folds of {@code
 * movierec cv --data sample --preset rank --references popularity}, with {@code --epochs 3} and
 * with {@code --epochs 2} alike, every fold kept epoch 1 or 2 and the lists' mean NDCG@10 stayed
 * 0.249, as the full recipe's (0.250 with --epochs 2 once the preset gained history_dropout),
 * against 0.033 for the {@code demo} preset (and 0.255 for the most-rated movies: popularity is
 * hard to beat on the generated sample; on MovieLens 100k the full recipe ranks far above them,
 * docs/ranking.md). Two epochs train in about 12 s.
 */
final class DemoListRecipe {

  /** The preset the list model starts from. */
  static final String PRESET = Presets.RANK.name();

  /** The epochs the default run trains the list model for, instead of the preset's 30. */
  static final int EPOCHS = 2;

  /** The star model's settings the list model takes as they are: where and how it runs. */
  private static final List<ConfigKey<?>> SHARED =
      List.of(Keys.SEED, Keys.DEVICE, Keys.THREADS, Keys.COLD_START);

  private DemoListRecipe() {}

  /**
   * The configuration of the list model: the preset, then the cut, then the star model's {@link
   * #SHARED} settings, then {@code rankSets} ({@code key=value} texts), each over the one before.
   */
  static ConfigRequest request(TrainingConfig stars, List<String> rankSets) {
    List<String> sets = new ArrayList<>();
    sets.add(Keys.EPOCHS.name() + "=" + EPOCHS);
    for (ConfigKey<?> key : SHARED) {
      sets.add(key.name() + "=" + key.format(stars.get(key)));
    }
    sets.addAll(rankSets);
    return new ConfigRequest(Optional.of(PRESET), Optional.empty(), sets, List.of());
  }
}
