package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.evaluation.ComputeThreads;
import org.movierec.app.output.Console;
import org.movierec.app.output.JsonPrinter;
import org.movierec.app.training.TrainJob;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;
import org.movierec.data.ReadOptions;

class WiringTest {

  private static Console console() {
    return new Console(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
  }

  private static EffectiveConfig config(String... sets) throws IOException {
    return ConfigResolver.resolve(
        new ConfigRequest(Optional.empty(), Optional.empty(), List.of(sets), List.of()));
  }

  @Test
  void injector_everyFeatureModule_providesTheServicesWithExplicitBindings() throws IOException {
    Injector injector =
        Wiring.injector(console(), config("backend=baseline"), ReadOptions.defaults());
    assertThat(injector.getInstance(TrainJob.class)).isNotNull();
    assertThat(injector.getInstance(ModelLoader.class)).isNotNull();
    assertThat(injector.getInstance(JsonPrinter.class)).isNotNull();
    assertThat(injector.getInstance(DatasetSource.class)).isNotNull();
    assertThat(injector.getInstance(Splitter.class)).isNotNull();
    assertThat(injector.getInstance(BackendProvider.class).name()).isEqualTo("baseline");
  }

  @Test
  void computeThreads_threadsKey_setsTheEvaluationThreads() throws IOException {
    Injector injector = Wiring.injector(console(), config("threads=3"), ReadOptions.defaults());
    assertThat(injector.getInstance(EvaluationOptions.class).threads()).isEqualTo(3);
    assertThat(injector.getInstance(Key.get(Integer.class, ComputeThreads.class))).isEqualTo(3);
  }

  @Test
  void backend_anyRegisteredName_isFoundWithoutCodeChanges() throws IOException {
    BackendProvider fake = new FakeProvider();
    Injector injector =
        Guice.createInjector(
            Modules.override(
                    Wiring.modules(console(), config("backend=fake"), ReadOptions.defaults()))
                .with(
                    new AbstractModule() {
                      @Provides
                      BackendRegistry registry() {
                        return new BackendRegistry(List.of(fake));
                      }
                    }));
    assertThat(injector.getInstance(BackendProvider.class)).isSameAs(fake);
  }

  @Test
  void appSources_neverNameABackendInCode() throws IOException {
    Pattern backendLiteral = Pattern.compile("\"(djl|baseline)\"");
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        assertThat(backendLiteral.matcher(Files.readString(file)).find())
            .as("%s names a backend; find backends through the registry", file)
            .isFalse();
      }
    }
  }

  /** A backend no module knows about. */
  private static final class FakeProvider implements BackendProvider {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public String description() {
      return "a test double";
    }

    @Override
    public Trainer newTrainer() {
      throw new UnsupportedOperationException("not needed");
    }

    @Override
    public Model load(ModelFile file, RuntimeOptions options) {
      throw new UnsupportedOperationException("not needed");
    }
  }
}
