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
    return new DjlParameters(layout, tensors);
  }
}
