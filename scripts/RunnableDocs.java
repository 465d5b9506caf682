import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the shell blocks of the documentation that are marked runnable, so that a documented command
 * that fails, or an option that no longer exists, fails the build; in write mode it also records
 * what each command printed under it. Run through scripts/docs.sh (java scripts/RunnableDocs.java
 * check|write JAR [FILE...]); needs only a JDK and bash.
 *
 * <p>A block is runnable when its info string is {@code sh runnable}, optionally followed by
 * attributes: {@code from-root} runs it at the repository root instead of the file's scratch
 * directory; {@code ml-100k} says it reads MovieLens 100k, linked into the scratch directory as
 * {@code ml-100k} from ../shared/datasets/ml-100k: without that data the block is skipped, or fails
 * when MOVIEREC_REQUIRE_DATA=true (as .ci/run sets it). Inside a block, a line starting with {@code
 * $ } is a command (a line ending with a backslash continues it) and the lines after it are its
 * output, as the last {@code write} recorded it; a block without any {@code $ } line is a script
 * whose output is not shown. All blocks of one file run in order in one bash process, with {@code
 * set -euo pipefail}, so that files and variables made by one block are there for the next;
 * background jobs are killed when the file's last block ends.
 */
public final class RunnableDocs {

  private static final Pattern FENCE = Pattern.compile("^```\\s*(\\S*)\\s*(.*)$");
  private static final Pattern MARKER = Pattern.compile("\n@@movierec-doc (\\d+|end)@@\n");
  private static final Set<String> ATTRIBUTES = Set.of("from-root", "ml-100k");
  private static final long TIMEOUT_SECONDS =
      Long.parseLong(System.getenv().getOrDefault("DOCS_TIMEOUT_SECONDS", "1800"));

  /** One command of a transcript block, or a whole script block (then without output). */
  record Step(int line, List<String> command, List<String> output, boolean transcript) {}

  /** One runnable block: where it is, its attributes and its steps. */
  record Block(int open, int close, Set<String> attributes, List<Step> steps) {}

  private final Path root;
  private final Path jar;
  private final boolean write;
  private final boolean requireData;

  private RunnableDocs(Path root, Path jar, boolean write) {
    this.root = root;
    this.jar = jar;
    this.write = write;
    this.requireData = "true".equals(System.getenv("MOVIEREC_REQUIRE_DATA"));
  }

  /** Checks (or rewrites) the files given, by default README.md and docs/*.md. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !(args[0].equals("check") || args[0].equals("write"))) {
      System.err.println("usage: java scripts/RunnableDocs.java check|write JAR [FILE...]");
      System.exit(2);
    }
    Path root = Path.of("").toAbsolutePath();
    RunnableDocs docs =
        new RunnableDocs(root, Path.of(args[1]).toAbsolutePath(), args[0].equals("write"));
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    if (files.isEmpty()) {
      files.add(Path.of("README.md"));
      try (Stream<Path> guides = Files.list(Path.of("docs"))) {
        guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    int failed = 0;
    for (Path file : files) {
      if (!docs.run(file)) {
        failed++;
      }
    }
    if (failed > 0) {
      System.err.printf("runnable docs: %d of %d files failed%n", failed, files.size());
      System.exit(1);
    }
    System.err.printf("runnable docs: %d files passed%n", files.size());
  }

  /** Runs one file's blocks; true when every command succeeded. */
  private boolean run(Path file) throws IOException, InterruptedException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    int unmarked = parse(file, lines, blocks);
    if (blocks.isEmpty()) {
      System.err.printf(
          "%s: no runnable blocks (%d shell blocks not marked runnable)%n", file, unmarked);
      return true;
    }
    Path work = root.resolve("target/docs-run").resolve(file.toString().replace('/', '_'));
    deleteTree(work);
    Files.createDirectories(work.resolve("bin"));
    Path wrapper = work.resolve("bin/movierec");
    Files.writeString(
        wrapper,
        "#!/bin/sh\nexec java -Doffline=true -Dai.djl.offline=true -jar '" + jar + "' \"$@\"\n");
    wrapper.toFile().setExecutable(true);
    Path shared =
        Path.of(
                System.getenv()
                    .getOrDefault("MOVIEREC_SHARED_DIR", root.resolve("../shared").toString()))
            .resolve("datasets/ml-100k");
    boolean haveData = Files.isDirectory(shared);
    if (haveData) {
      Files.createSymbolicLink(work.resolve("ml-100k"), shared.toAbsolutePath().normalize());
    }

    StringBuilder script = new StringBuilder();
    script.append("set -euo pipefail\n");
    script.append("trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT\n");
    List<Step> steps = new ArrayList<>();
    int skipped = 0;
    for (Block block : blocks) {
      if (block.attributes().contains("ml-100k") && !haveData) {
        if (requireData) {
          System.err.printf(
              "%s:%d: this block needs MovieLens 100k at %s, which is missing"
                  + " (MOVIEREC_REQUIRE_DATA=true)%n",
              file, block.open() + 1, shared);
          return false;
        }
        System.err.printf(
            "%s:%d: skipped, needs MovieLens 100k at %s%n", file, block.open() + 1, shared);
        skipped++;
        continue;
      }
      script
          .append("cd '")
          .append(block.attributes().contains("from-root") ? root : work)
          .append("'\n");
      for (Step step : block.steps()) {
        script.append("printf '\\n@@movierec-doc ").append(steps.size()).append("@@\\n'\n");
        script.append(String.join("\n", step.command())).append('\n');
        steps.add(step);
      }
    }
    script.append("printf '\\n@@movierec-doc end@@\\n'\n");
    Path scriptFile = work.resolve("run.sh");
    Files.writeString(scriptFile, script);

    System.err.printf("%s: running %d commands in %s%n", file, steps.size(), root.relativize(work));
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString());
    Map<String, String> env = builder.environment();
    env.put("PATH", work.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("MOVIEREC_DOC_ROOT", root.toString());
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    List<String> outputs = new ArrayList<>();
    String last = splitOutputs(stdout, outputs);
    if (!finished || process.exitValue() != 0 || !last.equals("end")) {
      int index =
          last.isEmpty() ? 0 : last.equals("end") ? steps.size() - 1 : Integer.parseInt(last);
      Step step = steps.get(Math.max(index, 0));
      System.err.printf(
          "%s:%d: %s: %s%n",
          file,
          step.line() + 1,
          finished
              ? "failed with exit code " + process.exitValue()
              : "timed out after " + TIMEOUT_SECONDS + " s",
          String.join(" ", step.command()).replaceAll("\\s+", " "));
      System.err.println("--- its stdout (last 20 lines) ---");
      tail(outputs.isEmpty() ? "" : outputs.get(outputs.size() - 1), 20);
      System.err.println(
          "--- stderr (last 30 lines; all of it in " + root.relativize(err) + ") ---");
      tail(Files.readString(err, StandardCharsets.UTF_8), 30);
      return false;
    }

    int stale = 0;
    List<String> rewritten = new ArrayList<>(lines);
    for (int b = blocks.size() - 1; b >= 0; b--) {
      Block block = blocks.get(b);
      int first = steps.indexOf(block.steps().get(0));
      if (first < 0) {
        continue; // skipped for want of data
      }
      List<String> body = new ArrayList<>();
      boolean afterOutput = false;
      for (int s = 0; s < block.steps().size(); s++) {
        Step step = block.steps().get(s);
        List<String> printed = outputLines(clean(outputs.get(first + s), work));
        if (!step.transcript()) {
          body.addAll(step.command());
          continue;
        }
        if (!printed.equals(step.output())) {
          stale++;
        }
        if (afterOutput) {
          body.add("");
        }
        body.add("$ " + step.command().get(0));
        body.addAll(step.command().subList(1, step.command().size()));
        body.addAll(printed);
        afterOutput = !printed.isEmpty();
      }
      List<String> region = rewritten.subList(block.open() + 1, block.close());
      region.clear();
      region.addAll(body);
    }
    if (write && !rewritten.equals(lines)) {
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".runnable-docs", ".md");
      Files.writeString(temp, String.join("\n", rewritten) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.err.printf(
        "%s: %d blocks passed (%d skipped, %d shell blocks not marked runnable)%s%n",
        file,
        blocks.size() - skipped,
        skipped,
        unmarked,
        stale == 0
            ? ""
            : write
                ? "; rewrote the output of " + stale + " commands"
                : "; the output shown under "
                    + stale
                    + " commands differs from this run's (scripts/docs.sh write "
                    + file
                    + " records it)");
    return true;
  }

  /** Finds the runnable blocks; returns how many other shell blocks there are. */
  private static int parse(Path file, List<String> lines, List<Block> blocks) {
    int unmarked = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches() || fence.group(1).isEmpty()) {
        continue;
      }
      int close = i + 1;
      while (close < lines.size() && !lines.get(close).trim().equals("```")) {
        close++;
      }
      if (close == lines.size()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": code block is never closed");
      }
      List<String> words = List.of(fence.group(2).trim().split("\\s+"));
      boolean shell = Set.of("sh", "bash", "shell", "console").contains(fence.group(1));
      if (shell && words.get(0).equals("runnable")) {
        Set<String> attributes = Set.copyOf(words.subList(1, words.size()));
        for (String attribute : attributes) {
          if (!ATTRIBUTES.contains(attribute)) {
            throw new IllegalArgumentException(
                file
                    + ":"
                    + (i + 1)
                    + ": unknown attribute '"
                    + attribute
                    + "' of a runnable block; known: "
                    + ATTRIBUTES);
          }
        }
        blocks.add(new Block(i, close, attributes, steps(lines, i + 1, close)));
      } else if (shell) {
        unmarked++;
      }
      i = close;
    }
    return unmarked;
  }

  private static List<Step> steps(List<String> lines, int from, int to) {
    List<Step> steps = new ArrayList<>();
    boolean transcript = lines.subList(from, to).stream().anyMatch(line -> line.startsWith("$ "));
    if (!transcript) {
      steps.add(new Step(from, List.copyOf(lines.subList(from, to)), List.of(), false));
      return steps;
    }
    int i = from;
    while (i < to) {
      if (!lines.get(i).startsWith("$ ")) {
        i++; // text before the first command: dropped on write
        continue;
      }
      int start = i;
      List<String> command = new ArrayList<>();
      command.add(lines.get(i).substring(2));
      while (lines.get(i).endsWith("\\") && i + 1 < to) {
        i++;
        command.add(lines.get(i));
      }
      i++;
      List<String> output = new ArrayList<>();
      while (i < to && !lines.get(i).startsWith("$ ")) {
        output.add(lines.get(i));
        i++;
      }
      while (!output.isEmpty() && output.get(output.size() - 1).isEmpty()) {
        output.remove(output.size() - 1);
      }
      steps.add(new Step(start, List.copyOf(command), List.copyOf(output), true));
    }
    return steps;
  }

  /** Splits the script's stdout at the markers; returns the last marker seen. */
  private static String splitOutputs(String stdout, List<String> outputs) {
    Matcher marker = MARKER.matcher(stdout);
    String last = "";
    int from = -1;
    while (marker.find()) {
      if (from >= 0) {
        outputs.add(stdout.substring(from, marker.start()));
      }
      from = marker.end();
      last = marker.group(1);
    }
    if (from >= 0 && !last.equals("end")) {
      outputs.add(stdout.substring(from));
    }
    return last;
  }

  /**
   * What a reader should see of a command's output: no terminal colour codes (Maven prints some
   * even in batch mode), and the scratch directory and repository root written as {@code .}, as
   * the commands name them.
   */
  private String clean(String text, Path work) {
    return text.replaceAll("\u001B\\[[0-9;]*m", "")
        .replace(work + "/", "./")
        .replace(root + "/", "./");
  }

  private static List<String> outputLines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static void tail(String text, int count) {
    List<String> lines = outputLines(text);
    lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(System.err::println);
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
