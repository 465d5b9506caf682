import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of scripts/store-durability.sh and scripts/store-freshness.sh, run as a single-file
 * program (java scripts/StoreLoad.java MODE ...) with the JDK alone; it talks to a movierec server
 * on 127.0.0.1 only and every loop is bounded in time or count.
 *
 * <pre>
 * load URL CLIENTS WRITE_FRACTION SECONDS ACKED_LOG [FIRST_USER]
 *                                                      mixed load; every 201'd rating to ACKED_LOG
 * verify URL ACKED_LOG                                 every acknowledged rating stored, once
 * fresh URL USERS                                      5 ratings per new user, then its list
 * </pre>
 *
 * MOVIEREC_WRITE_TOKEN, when set, is sent as the bearer token of the writes.
 */
public final class StoreLoad {

  private static final Pattern MOVIE = Pattern.compile("\"movie\":(\\d+)");
  private static final Pattern RATED = Pattern.compile("\"movie\":(\\d+),[^}]*?\"rating\":([0-9.]+)");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String TOKEN = System.getenv("MOVIEREC_WRITE_TOKEN");
  /**
   * Users the load writes for, far above any MovieLens id; each load of one script gets its own
   * range (FIRST_USER), so that a later load inserts new ratings rather than rewriting an earlier
   * load's.
   */
  private static final int LOAD_USERS = 100_000_000;
  private static final int FRESH_USERS = 200_000_000;
  private static final int KNOWN_USERS = 943;

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "load" -> load(URI.create(args[1]), Integer.parseInt(args[2]),
          Double.parseDouble(args[3]), Integer.parseInt(args[4]), Path.of(args[5]),
          args.length > 6 ? Integer.parseInt(args[6]) : LOAD_USERS);
      case "verify" -> verify(URI.create(args[1]), Path.of(args[2]));
      case "fresh" -> fresh(URI.create(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("mode load, verify or fresh, got " + args[0]);
    }
  }

  private static void load(
      URI url, int clients, double writeFraction, int seconds, Path log, int firstUser)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<List<String>> acked = new ArrayList<>();
    List<long[]> reads = new ArrayList<>();
    AtomicLong failed = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong timedOut = new AtomicLong();
    AtomicLong unanswered = new AtomicLong();
    Map<Integer, AtomicLong> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong readCount = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<String> mine = Collections.synchronizedList(new ArrayList<>());
      long[] latencies = new long[200_000];
      acked.add(mine);
      reads.add(latencies);
      int client = c;
      Thread thread = new Thread(() -> {
        int seq = 0;
        int readsDone = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
          try {
            if (random.nextDouble() < writeFraction) {
              int user = firstUser + client * 100_000 + seq / 40;
              int movie = 1 + (seq % 40) * 41;
              int stars = 1 + (seq * 7 + client) % 5;
              seq++;
              HttpResponse<String> answer = send(post(url, "/v1/users/" + user + "/ratings",
                  "{\"movie\": " + movie + ", \"rating\": " + stars + "}"));
              if (answer.statusCode() == 201) {
                mine.add(user + " " + movie + " " + stars);
              } else {
                refused.incrementAndGet();
                refusals.computeIfAbsent(answer.statusCode(), s -> new AtomicLong())
                    .incrementAndGet();
                pause();
              }
            } else {
              int user = 1 + random.nextInt(KNOWN_USERS);
              long start = System.nanoTime();
              HttpResponse<String> answer = send(get(url, "/v1/users/" + user + "/recommendations"));
              if (answer.statusCode() == 200 && readsDone < latencies.length) {
                latencies[readsDone++] = System.nanoTime() - start;
                readCount.incrementAndGet();
              } else if (answer.statusCode() != 200) {
                failed.incrementAndGet();
              }
            }
          } catch (java.net.http.HttpTimeoutException e) {
            // No answer in 10 s: a write sent now may or may not have committed, and is not
            // counted as acknowledged.
            timedOut.incrementAndGet();
            pause();
          } catch (IOException e) {
            // The server is down (killed) or refused the connection: the same as a time-out.
            unanswered.incrementAndGet();
            pause();
          } catch (InterruptedException e) {
            return;
          }
        }
        latencies[latencies.length - 1] = readsDone;
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<String> lines = new ArrayList<>();
    acked.forEach(lines::addAll);
    Files.write(log, lines);
    long[] all = merged(reads);
    System.out.printf(Locale.ROOT,
        "load: %d clients, %.0f%% writes, %d s: %,d acknowledged writes (%.1f/s), %,d reads"
            + " (%.1f/s), read p50 %.1f ms p99 %.1f ms; %,d writes answered other than 201 %s,"
            + " %,d requests timed out (10 s), %,d found no server (connection refused or"
            + " broken), %,d reads answered non-200%n",
        clients, writeFraction * 100, seconds, lines.size(), lines.size() / (double) seconds,
        readCount.get(), readCount.get() / (double) seconds, percentile(all, 50),
        percentile(all, 99), refused.get(), new java.util.TreeMap<>(refusals), timedOut.get(),
        unanswered.get(), failed.get());
  }

  private static void verify(URI url, Path log) throws Exception {
    Map<Integer, Map<Integer, Float>> acked = new HashMap<>();
    long lines = 0;
    for (String line : Files.readAllLines(log)) {
      String[] parts = line.split(" ");
      acked.computeIfAbsent(Integer.parseInt(parts[0]), u -> new HashMap<>())
          .put(Integer.parseInt(parts[1]), Float.parseFloat(parts[2]));
      lines++;
    }
    long present = 0;
    long missing = 0;
    long wrong = 0;
    long twice = 0;
    long extra = 0;
    for (var user : acked.entrySet()) {
      HttpResponse<String> answer = send(get(url, "/v1/users/" + user.getKey() + "/ratings"));
      Map<Integer, Float> stored = new HashMap<>();
      if (answer.statusCode() == 200) {
        Matcher rated = RATED.matcher(answer.body());
        while (rated.find()) {
          if (stored.put(Integer.parseInt(rated.group(1)), Float.parseFloat(rated.group(2)))
              != null) {
            twice++;
          }
        }
      }
      for (var rating : user.getValue().entrySet()) {
        Float found = stored.get(rating.getKey());
        if (found == null) {
          missing++;
        } else if (!found.equals(rating.getValue())) {
          wrong++;
        } else {
          present++;
        }
      }
      extra += stored.keySet().stream().filter(m -> !user.getValue().containsKey(m)).count();
    }
    System.out.printf(Locale.ROOT,
        "verify: %,d acknowledged ratings of %,d users: %,d present with their stars, %,d missing,"
            + " %,d with other stars, %,d stored twice; %,d stored but not acknowledged (sent"
            + " while the server was killed)%n",
        lines, acked.size(), present, missing, wrong, twice, extra);
    if (missing > 0 || wrong > 0 || twice > 0) {
      System.exit(1);
    }
  }

  private static void fresh(URI url, int users) throws Exception {
    long[] latencies = new long[users];
    int passed = 0;
    for (int i = 0; i < users; i++) {
      int user = FRESH_USERS + ThreadLocalRandom.current().nextInt(1_000_000) * 100 + i;
      List<Integer> cold = movies(send(get(url, "/v1/users/" + user + "/recommendations")));
      List<Integer> rated = cold.subList(0, 5);
      long start = 0;
      for (int movie : rated) {
        start = System.nanoTime();
        HttpResponse<String> written = send(post(url, "/v1/users/" + user + "/ratings",
            "{\"movie\": " + movie + ", \"rating\": " + (movie % 2 == 0 ? 5 : 1) + "}"));
        if (written.statusCode() != 201) {
          throw new IllegalStateException("POST answered " + written.statusCode() + ": "
              + written.body());
        }
      }
      List<Integer> after = movies(send(get(url, "/v1/users/" + user + "/recommendations")));
      latencies[i] = System.nanoTime() - start;
      if (Collections.disjoint(after, rated) && !after.equals(cold)) {
        passed++;
      }
    }
    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT,
        "fresh: %d new users x 5 ratings: %d lists held none of their rated movies and differed"
            + " from the cold-start list; last POST sent to updated list received: p50 %.1f ms"
            + " p99 %.1f ms max %.1f ms%n",
        users, passed, percentile(latencies, 50), percentile(latencies, 99),
        latencies[users - 1] / 1e6);
    if (passed != users) {
      System.exit(1);
    }
  }

  private static List<Integer> movies(HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET answered " + answer.statusCode() + ": " + answer.body());
    }
    String list = answer.body().substring(answer.body().indexOf("\"recommendations\""));
    List<Integer> movies = new ArrayList<>();
    Matcher movie = MOVIE.matcher(list);
    while (movie.find()) {
      movies.add(Integer.parseInt(movie.group(1)));
    }
    return movies;
  }

  private static HttpRequest.Builder get(URI url, String path) {
    return HttpRequest.newBuilder(url.resolve(path.substring(1))).GET();
  }

  private static HttpRequest.Builder post(URI url, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path.substring(1)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return TOKEN == null ? request : request.header("Authorization", "Bearer " + TOKEN);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long[] merged(List<long[]> perClient) {
    int total = 0;
    for (long[] values : perClient) {
      total += (int) values[values.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] values : perClient) {
      int n = (int) values[values.length - 1];
      System.arraycopy(values, 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    return all;
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
