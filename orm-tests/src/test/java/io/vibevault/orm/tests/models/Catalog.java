package io.vibevault.orm.tests.models;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a table's indexes back from the database's own catalog, per vendor. */
final class Catalog {
  private Catalog() {}

  /** Index name to its columns in order, for one table. */
  static Map<String, List<String>> indexes(String vendor, String table) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Cursor c = Database.connection().cursor()) {
      switch (vendor) {
        case "sqlite" -> {
          c.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = %s", table);
          List<String> names = new ArrayList<>();
          for (Object[] row : c.fetchAll()) {
            names.add((String) row[0]);
          }
          for (String name : names) {
            c.execute("SELECT name FROM pragma_index_info(%s) ORDER BY seqno", name);
            List<String> cols = new ArrayList<>();
            for (Object[] row : c.fetchAll()) {
              cols.add((String) row[0]);
            }
            out.put(name, cols);
          }
        }
        case "postgresql" -> {
          c.execute(
              "SELECT i.relname, a.attname FROM pg_index x"
                  + " JOIN pg_class t ON t.oid = x.indrelid"
                  + " JOIN pg_class i ON i.oid = x.indexrelid"
                  + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                  + " CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)"
                  + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum"
                  + " WHERE t.relname = %s AND n.nspname = current_schema()"
                  + " ORDER BY i.relname, k.ord",
              table);
          for (Object[] row : c.fetchAll()) {
            out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
          }
        }
        default -> {
          c.execute(
              "SELECT index_name, column_name FROM information_schema.statistics"
                  + " WHERE table_schema = DATABASE() AND table_name = %s"
                  + " ORDER BY index_name, seq_in_index",
              table);
          for (Object[] row : c.fetchAll()) {
            out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
          }
        }
      }
    }
    return out;
  }

  /** Whether some index of the table covers exactly these columns, in this order. */
  static boolean hasIndexOn(String vendor, String table, String... columns) {
    return indexes(vendor, table).containsValue(List.of(columns));
  }
}
