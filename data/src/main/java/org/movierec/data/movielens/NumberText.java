package org.movierec.data.movielens;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises the number texts the fast rating parser leaves to the slow path. */
final class NumberText {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Set<String> NON_FINITE =
      Set.of("nan", "inf", "infinity", "+inf", "-inf", "+infinity", "-infinity", "+nan", "-nan");

  private NumberText() {}

  /** Tells whether the text is a plain decimal number, possibly signed or with an exponent. */
  static boolean isDecimal(String text) {
    return DECIMAL.matcher(text).matches();
  }

  /** Tells whether the text spells NaN or an infinity. */
  static boolean isNonFinite(String text) {
    return NON_FINITE.contains(text.trim().toLowerCase(Locale.ROOT));
  }
}
