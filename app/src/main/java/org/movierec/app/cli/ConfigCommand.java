package org.movierec.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.movierec.app.config.ConfigReference;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.spi.BackendProvider;
import org.movierec.model.Preset;
import org.movierec.model.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec config}: the effective configuration, or every key with its default. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Show the effective configuration and where each value came from (--print, the default),"
          + " list every key with its default and description (--keys), or print the"
          + " configuration reference as Markdown (--reference, what docs/configuration.md"
          + " holds)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec config --keys",
      "  movierec config --reference > docs/configuration.md",
      "  movierec config --print --preset seed --set epochs=10",
      "  movierec config --print --config examples/baseline.properties --device cpu"
    })
final class ConfigCommand extends BaseCommand {

  @Option(names = "--print", description = "show the effective configuration (the default)")
  boolean print;

  @Option(names = "--keys", description = "list every key with default and description")
  boolean keys;

  @Option(
      names = "--reference",
      description = "print the configuration reference as Markdown (docs/configuration.md)")
  boolean reference;

  @Mixin ConfigOptions configOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (keys) {
      printKeys(out);
    } else if (reference) {
      out.print(ConfigReference.markdown());
    } else {
      EffectiveConfig config = ConfigResolver.resolve(configOptions.request());
      Wiring.injector(console(), config, readOptions()).getInstance(BackendProvider.class);
      out.println(
          "# effective configuration; precedence: default < preset < config file < --set"
              + " < flags");
      config.describe().forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private static void printKeys(PrintWriter out) {
    List<ConfigKey<?>> all = new ArrayList<>();
    ConfigReference.GROUPS.forEach(group -> all.addAll(group.keys()));
    int width = all.stream().mapToInt(key -> key.name().length()).max().orElse(0);
    int defaults =
        all.stream().mapToInt(key -> key.format(key.defaultValue()).length()).max().orElse(0);
    out.printf("%-" + width + "s  %-" + defaults + "s  %s%n", "key", "default", "description");
    for (ConfigReference.KeyGroup group : ConfigReference.GROUPS) {
      if (!group.listing().isEmpty()) {
        out.println();
        out.println(group.listing());
      }
      printKeys(out, group.keys(), width, defaults);
    }
    out.println();
    out.println("presets (--preset NAME):");
    for (Preset preset : Presets.all()) {
      out.printf("  %-8s %s%n", preset.name(), preset.description());
    }
  }

  private static void printKeys(PrintWriter out, List<ConfigKey<?>> keys, int width, int defaults) {
    for (ConfigKey<?> key : keys) {
      out.printf(
          "%-" + width + "s  %-" + defaults + "s  %s (%s)%n",
          key.name(),
          key.format(key.defaultValue()),
          key.description(),
          key.allowed());
    }
  }
}
