package org.movierec.data.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.movierec.core.data.MovieInfo;

/**
 * Invents titles, years and genres that look like MovieLens': articles moved to the end ({@code
 * Silent River, The}), sequels, commas, quotes and Latin-1 accents, so every writer and reader path
 * gets exercised.
 */
final class MovieMaker {

  private static final String[] ADJECTIVES = {
    "Silent",
    "Last",
    "Broken",
    "Golden",
    "Dark",
    "Lost",
    "Wild",
    "Secret",
    "Little",
    "Final",
    "Hidden",
    "Crimson",
    "Frozen",
    "Endless",
    "Quiet",
    "Electric",
    "Naïve",
    "Blue",
    "Burning",
    "Forgotten",
    "Distant",
    "Midnight",
    "Savage",
    "Sweet",
    "Fallen"
  };
  private static final String[] NOUNS = {
    "River",
    "Night",
    "City",
    "Heart",
    "Road",
    "Garden",
    "Storm",
    "King",
    "Island",
    "Dream",
    "Mirror",
    "Shadow",
    "Summer",
    "Train",
    "Witness",
    "Café",
    "Noël",
    "Fiancée",
    "Empire",
    "Stranger",
    "Window",
    "Harbor",
    "Season",
    "Promise",
    "Machine",
    "Señorita",
    "Letter",
    "Kingdom"
  };
  private static final String[] NAMES = {
    "Annie", "Max", "Chloé", "Otto", "Rosa", "Jack", "Hélène", "Sam", "Marcus", "Inés"
  };
  private static final String[] GENRES = {
    "Drama", "Comedy", "Thriller", "Action", "Romance", "Crime", "Horror", "Documentary",
    "Adventure", "Sci-Fi", "Mystery", "Fantasy", "War", "Children's", "Musical", "Animation",
    "Western", "Film-Noir"
  };
  private static final double[] GENRE_WEIGHTS = {
    25, 20, 8, 8, 7, 5, 5, 4, 4, 3, 2, 2, 2, 2, 1, 1, 1, 0.5
  };

  private final AliasTable genres = new AliasTable(GENRE_WEIGHTS);
  private final int latestYear;

  /** A maker of movies released no later than {@code latestYear}. */
  MovieMaker(int latestYear) {
    this.latestYear = latestYear;
  }

  /** The movie with raw id {@code id}. */
  MovieInfo movie(int id, SplittableRandom random) {
    int age = (int) Math.abs(new Gaussian(random).next() * 15);
    int year = Math.max(1920, latestYear - age);
    return new MovieInfo(id, title(random), OptionalInt.of(year), genres(random));
  }

  private String title(SplittableRandom random) {
    String adjective = pick(ADJECTIVES, random);
    String noun = pick(NOUNS, random);
    String other = pick(NOUNS, random);
    return switch (random.nextInt(10)) {
      case 0, 1 -> noun + ", The";
      case 2 -> adjective + " " + noun + ", The";
      case 3 -> noun + " of the " + other;
      case 4 -> pick(NAMES, random) + "'s " + noun;
      case 5 -> adjective + " " + noun + " " + (2 + random.nextInt(4));
      case 6 -> noun + ": " + adjective + " " + other;
      case 7 -> noun + ", " + other + " and " + pick(NOUNS, random);
      case 8 -> "\"" + adjective + "\" " + noun;
      default -> adjective + " " + noun;
    };
  }

  private List<String> genres(SplittableRandom random) {
    int count = random.nextInt(100) < 50 ? 1 : random.nextInt(100) < 70 ? 2 : 3;
    List<String> chosen = new ArrayList<>();
    for (int attempt = 0; chosen.size() < count && attempt < 10; attempt++) {
      String genre = GENRES[genres.next(random)];
      if (!chosen.contains(genre)) {
        chosen.add(genre);
      }
    }
    return chosen;
  }

  private static String pick(String[] words, SplittableRandom random) {
    return words[random.nextInt(words.length)];
  }
}
