package io.vibevault.orm.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Naming rules shared by models, schema editors and migrations: snake_case columns, verbose names
 * and deterministic index and constraint names that fit every backend's identifier limit.
 *
 * <pre>{@code
 * Names.snakeCase("createdAt");                                     // "created_at"
 * Names.generatedName("memories", List.of("user_id", "created_at"), "idx");
 * }</pre>
 */
public final class Names {
  /** The longest identifier we generate; MySQL allows 64, PostgreSQL 63. */
  public static final int MAX_IDENTIFIER = 60;

  private Names() {}

  /** {@code createdAt} → {@code created_at}, {@code homepageURL} → {@code homepage_url}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLowerOrDigit =
            i > 0
                && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1)));
        boolean acronymEnd =
            i > 0
                && Character.isUpperCase(name.charAt(i - 1))
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if (prevLowerOrDigit || acronymEnd) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code createdAt} → {@code created at}. */
  /**
   * A table or column comment as stored (null becomes empty); a NUL character is a FieldError,
   * since no database keeps it in a comment.
   */
  static String checkComment(String where, String comment) {
    if (comment == null) {
      return "";
    }
    if (comment.indexOf('\0') >= 0) {
      throw new io.vibevault.orm.exception.FieldError(where + ": a comment may not contain NUL");
    }
    return comment;
  }

  public static String verbose(String name) {
    return snakeCase(name).replace('_', ' ');
  }

  /**
   * A deterministic name for an index or constraint: readable parts, then a hash of the full parts
   * so two long names never collide, then the suffix.
   */
  public static String generatedName(String table, List<String> columns, String suffix) {
    String full = table + "_" + String.join("_", columns);
    String hash = hash(table + ":" + String.join(",", columns) + ":" + suffix);
    String readable = full.toLowerCase(Locale.ROOT);
    int room = MAX_IDENTIFIER - hash.length() - suffix.length() - 2;
    if (readable.length() > room) {
      readable = readable.substring(0, room);
    }
    return readable + "_" + hash + "_" + suffix;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
