package org.movierec.backend.itemknn;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/** Announces the item-kNN backend to the backend registry under the name {@code itemknn}. */
public final class ItemKnnBackendProvider implements BackendProvider {

  /** The name configurations use ({@code backend = itemknn}) and model files carry. */
  public static final String NAME = "itemknn";

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public ItemKnnBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "item-item cosine over who rated what, the K most similar movies kept per movie;"
        + " ranked by similarity sums, rated by the kNN-baseline (pure Java)";
  }

  @Override
  public Trainer newTrainer() {
    return new ItemKnnTrainer();
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    file.requireBackend(NAME);
    options.device().requireCpu(NAME);
    return ItemKnnModel.load(file, options.coldStart());
  }
}
