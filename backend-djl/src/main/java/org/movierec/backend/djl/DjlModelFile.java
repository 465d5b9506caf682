package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.List;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;
import org.movierec.model.NetworkSpec;
import org.movierec.model.NetworkSpecException;

/**
 * The DJL backend's own model-file sections: the network spec as JSON and the parameters as named,
 * shaped float tensors. Reading checks every name and shape against what the spec and the id maps
 * require, so a damaged or mismatched file fails with a {@link ModelFileException}, never later in
 * the engine.
 */
final class DjlModelFile {

  /** The section holding the network spec as JSON. */
  static final String SPEC_SECTION = "djl.spec";

  /** The section holding the parameters. */
  static final String PARAMETERS_SECTION = "djl.parameters";

  /**
   * The largest magnitude any score can reach, far inside float's range (3.4e38) so that no sum on
   * the way overflows: a trained network's bound is many orders of magnitude below it.
   */
  static final double MAX_OUTPUT_BOUND = 1e30;

  private DjlModelFile() {}

  /** Adds the spec and parameter sections. */
  static void write(ModelFileWriter out, NetworkSpec spec, DjlParameters parameters) {
    out.text(SPEC_SECTION, spec.toJson());
    out.section(PARAMETERS_SECTION, parametersSection(parameters.tensors()));
  }

  /** The parameter section's content: a count, then per tensor its name, shape and values. */
  static SectionWriter parametersSection(List<DjlParameters.Tensor> tensors) {
    SectionWriter section = new SectionWriter().putInt(tensors.size());
    for (DjlParameters.Tensor tensor : tensors) {
      section.putString(tensor.name()).putInts(tensor.shape()).putFloats(tensor.values());
    }
    return section;
  }

  /**
   * Reads the spec section.
   *
   * @throws ModelFileException when it is missing or not a valid spec
   */
  static NetworkSpec readSpec(ModelFile file) {
    try {
      return NetworkSpec.fromJson(SPEC_SECTION, file.text(SPEC_SECTION));
    } catch (NetworkSpecException e) {
      throw new ModelFileException(
          file.path(), ModelFileException.Problem.CORRUPT, "its network spec is invalid: " + e);
    }
  }

  /**
   * Reads the parameters and checks them against the spec over the given users and movies.
   *
   * @throws ModelFileException when the section is missing, truncated, or any tensor's name, shape
   *     or values do not fit
   */
  static DjlParameters readParameters(ModelFile file, NetworkSpec spec, int users, int movies) {
    DjlLayout layout = DjlLayout.of(spec, users, movies);
    List<DjlLayout.Slot> slots = layout.slots();
    SectionReader in = file.reader(PARAMETERS_SECTION);
    int count = in.getInt();
    if (count != slots.size()) {
      throw in.corrupt(
          count + " tensors stored, but the network spec needs " + slots.size() + ": " + slots);
    }
    List<DjlParameters.Tensor> tensors = new ArrayList<>(count);
    for (DjlLayout.Slot slot : slots) {
      String name = in.getString();
      int[] shape = in.getInts();
      float[] values = in.getFloats();
      DjlParameters.Tensor tensor;
      try {
        tensor = new DjlParameters.Tensor(name, shape, values);
      } catch (IllegalArgumentException e) {
        throw in.corrupt(e.getMessage());
      }
      if (!slot.fits(tensor)) {
        throw in.corrupt(
            "found tensor "
                + new DjlLayout.Slot(name, shape)
                + " where the network spec and id maps need "
                + slot);
      }
      for (float value : values) {
        if (!Float.isFinite(value)) {
          throw in.corrupt("tensor " + name + " holds a non-finite value " + value);
        }
      }
      tensors.add(tensor);
    }
    in.expectEnd();
    DjlParameters parameters = new DjlParameters(layout, tensors);
    double bound = outputBound(parameters);
    if (!(bound <= MAX_OUTPUT_BOUND)) {
      throw in.corrupt(
          "its parameters are so large that a score could reach "
              + bound
              + " and overflow to infinity or NaN; no trained network has such weights, so the"
              + " file is damaged: retrain the model or restore the file");
    }
    return parameters;
  }

  /**
   * An upper bound of the network output's magnitude for any user and movie of the tables: through
   * each dense layer, {@code max_j (sum_k |W[j][k]| * bound_in + |b[j]|)}. Every activation the
   * spec allows (ReLU, identity, sigmoid, tanh) keeps a value's magnitude or lowers it, so finite
   * parameters under this bound cannot produce an infinite or NaN score. With {@code embedding_dot}
   * the dot product adds at most {@code dim * max|u| * max|m|}; a user history adds at most the
   * movie table's largest magnitude (mean), or that times the square root of the movies (sqrt), to
   * every user value; a ranking head is bounded as the output layer is.
   */
  static double outputBound(DjlParameters parameters) {
    DjlLayout layout = parameters.layout();
    double users = maxMagnitude(parameters.get(layout.userEmbedding()).values());
    double movies = maxMagnitude(parameters.get(layout.movieEmbedding()).values());
    // A user with a history adds at most n movie rows times 1/n (mean) or 1/sqrt(n) (sqrt).
    users =
        switch (layout.spec().history()) {
          case NONE -> users;
          case MEAN -> users + movies;
          case SQRT -> users + movies * Math.sqrt(layout.movies());
          case SQRT_ONLY -> movies * Math.sqrt(layout.movies());
        };
    double bound = Math.max(users, movies);
    double hidden = bound;
    for (int layer = 0; layer < layout.layers(); layer++) {
      hidden = bound;
      bound = layerBound(parameters, layout.weight(layer), layout.bias(layer), bound);
    }
    if (layout.hasHead()) {
      bound =
          Math.max(bound, layerBound(parameters, layout.headWeight(), layout.headBias(), hidden));
    }
    if (layout.spec().embeddingDot()) {
      bound += layout.spec().userEmbedding().dim() * users * movies;
    }
    return bound;
  }

  /** {@code max_j (sum_k |W[j][k]| * in + |b[j]|)} for one affine map. */
  private static double layerBound(
      DjlParameters parameters, int weightSlot, int biasSlot, double in) {
    DjlParameters.Tensor weight = parameters.get(weightSlot);
    float[] bias = parameters.get(biasSlot).values();
    float[] weights = weight.values();
    int fanIn = weight.shape()[1];
    double next = 0;
    for (int unit = 0; unit < bias.length; unit++) {
      double rowSum = 0;
      for (int k = 0; k < fanIn; k++) {
        rowSum += Math.abs(weights[unit * fanIn + k]);
      }
      next = Math.max(next, rowSum * in + Math.abs(bias[unit]));
    }
    return next;
  }

  private static double maxMagnitude(float[] values) {
    double max = 0;
    for (float value : values) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }
}
