package io.vibevault.app.search;

import io.vibevault.app.memories.Memory;
import io.vibevault.orm.execution.DatabaseConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB / MySQL: InnoDB {@code FULLTEXT} indexes on (title, text), kept in sync by InnoDB at
 * commit, searched with the guide's {@code MATCH ... AGAINST} through {@code raw()}: every indexed
 * word required in boolean mode (the user's text reduced to words first, so it is never operators)
 * and ranked by natural-language relevance, a title's twice a text's.
 */
final class MariaDbFullText implements FullText {
  /**
   * The ORM's MariaDB columns use a binary collation (exact lookups stay exact), under which InnoDB
   * full text is case-sensitive; so the index is over stored, generated lower-case copies (the
   * words searched are lower-cased too). Matching needs the (title, text) index; ranking title
   * matches twice text ones (the guide's 2 and 1) needs one index per column, as MATCH names
   * exactly the columns of one index.
   */
  private static final List<String> INSTALL =
      List.of(
          "ALTER TABLE memories"
              + " ADD COLUMN fts_title LONGTEXT AS (LOWER(title)) STORED,"
              + " ADD COLUMN fts_text LONGTEXT AS (LOWER(text)) STORED",
          "CREATE FULLTEXT INDEX memories_fts ON memories (fts_title, fts_text)",
          "CREATE FULLTEXT INDEX memories_fts_title ON memories (fts_title)",
          "CREATE FULLTEXT INDEX memories_fts_text ON memories (fts_text)");

  /** InnoDB's defaults: words shorter than this are not indexed ({@link #requiredWords}). */
  private static final int MIN_TOKEN_SIZE = 3;

  /** InnoDB's default stopwords, which it does not index ({@link #requiredWords}). */
  private static final Set<String> STOPWORDS =
      Set.of(
          "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from",
          "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "und",
          "was", "what", "when", "where", "who", "will", "with", "www");

  private static final List<String> UNINSTALL =
      List.of(
          "DROP INDEX memories_fts_text ON memories",
          "DROP INDEX memories_fts_title ON memories",
          "DROP INDEX memories_fts ON memories",
          "ALTER TABLE memories DROP COLUMN fts_text, DROP COLUMN fts_title");

  @Override
  public void install(DatabaseConnection connection) {
    if (!installed(connection)) {
      for (String sql : INSTALL) {
        connection.execute(sql, List.of());
      }
    }
  }

  @Override
  public void uninstall(DatabaseConnection connection) {
    if (installed(connection)) {
      for (String sql : UNINSTALL) {
        connection.execute(sql, List.of());
      }
    }
  }

  @Override
  public boolean installed(DatabaseConnection connection) {
    return !connection
        .query(
            "SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND index_name = ?",
            List.of("memories", "memories_fts"))
        .isEmpty();
  }

  @Override
  public List<Long> rankedIds(long userId, String words, int limit) {
    String plain = plainWords(words);
    String required = requiredWords(plain);
    if (required.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (Memory m :
        Memory.objects.raw(
            "SELECT id FROM memories"
                + " WHERE MATCH(fts_title, fts_text) AGAINST(%s IN BOOLEAN MODE)"
                + " AND user_id = %s AND is_deleted = %s"
                + " ORDER BY 2 * MATCH(fts_title) AGAINST(%s IN NATURAL LANGUAGE MODE)"
                + " + MATCH(fts_text) AGAINST(%s IN NATURAL LANGUAGE MODE) DESC,"
                + " created_at DESC, id DESC LIMIT %s",
            required, userId, false, plain, plain, limit)) {
      ids.add(m.id);
    }
    return ids;
  }

  /**
   * Letters and digits only: InnoDB's parser still reads some punctuation as syntax in natural
   * language mode (a trailing {@code --} is a syntax error), and words are all that is searched.
   */
  static String plainWords(String words) {
    StringBuilder out = new StringBuilder();
    words.codePoints().forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
    return out.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * The boolean-mode query that requires every word InnoDB indexes ({@code +lighthouse +stairs}),
   * as SQLite's FTS5 and PostgreSQL's {@code plainto_tsquery} require every word: natural language
   * mode matches any of them. InnoDB indexes no stopword and no word shorter than {@code
   * innodb_ft_min_token_size}, and a required one matches nothing ({@code +the +lighthouse} finds
   * no row), so those are left out, as PostgreSQL leaves out its own stopwords. The list and the
   * size are the server's defaults ({@code INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD}, 3): a
   * server configured with others needs them here.
   */
  static String requiredWords(String plain) {
    StringBuilder out = new StringBuilder();
    for (String word : plain.split(" ")) {
      if (word.codePointCount(0, word.length()) >= MIN_TOKEN_SIZE && !STOPWORDS.contains(word)) {
        out.append(out.length() == 0 ? "+" : " +").append(word);
      }
    }
    return out.toString();
  }
}
