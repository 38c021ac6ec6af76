package io.vibevault.orm.backend;

import io.vibevault.orm.model.FieldKind;
import java.util.List;
import java.util.Optional;

/**
 * Reads the schema of the connected database (Django's {@code DatabaseIntrospection}): its tables
 * and views, each table's columns with type, nullability, default, key and auto-increment, foreign
 * keys, indexes, unique and check constraints, and the sequences feeding auto-increment columns.
 * Used by {@code inspectdb}, by migrations to compare models with the schema, and by tests.
 *
 * <p>Everything is read from the current schema (PostgreSQL) or database (MariaDB/MySQL), or the
 * main database (SQLite); table names are bound as parameters, never written into the SQL.
 *
 * <pre>{@code
 * Introspection schema = backend.introspection(Database.connection());
 * for (TableInfo table : schema.tables()) {
 *   for (ColumnInfo column : schema.columns(table.name())) {
 *     System.out.println(table.name() + "." + column.name() + " " + column.dataType());
 *   }
 * }
 * }</pre>
 */
public interface Introspection {
  /** Whether a relation is a base table or a view. */
  enum TableType {
    TABLE,
    VIEW
  }

  /**
   * A table or view.
   *
   * @param comment the table's comment, or null where the database has none
   */
  record TableInfo(String name, TableType type, String comment) {}

  /**
   * One column, in table order.
   *
   * @param dataType the declared type as the database reports it, lower case ({@code varchar(20)},
   *     {@code timestamp with time zone})
   * @param kind the field kind a model would declare for it, or null when no kind fits (the type is
   *     then a guess left to the caller)
   * @param maxLength the character length of bounded text, else null
   * @param precision the total digits of a fixed-point number, else null
   * @param scale the digits after the point of a fixed-point number, else null
   * @param defaultSql the column default as SQL text, verbatim from the catalog, or null
   * @param autoIncrement whether the database fills it from a sequence or counter
   * @param comment the column's comment, or null
   */
  record ColumnInfo(
      String name,
      String dataType,
      FieldKind kind,
      Integer maxLength,
      Integer precision,
      Integer scale,
      boolean nullable,
      String defaultSql,
      boolean primaryKey,
      boolean autoIncrement,
      String comment) {}

  /** A single-column foreign key: {@code column} references {@code referencedTable(column)}. */
  record ForeignKeyInfo(
      String name, String column, String referencedTable, String referencedColumn) {}

  /**
   * A constraint or index (Django's {@code get_constraints} entries). An index that enforces
   * uniqueness is both {@code unique} and {@code index}; a foreign key names its target.
   *
   * @param orders {@code ASC} or {@code DESC} per column of an index, else empty
   */
  record ConstraintInfo(
      String name,
      List<String> columns,
      boolean primaryKey,
      boolean unique,
      boolean index,
      boolean check,
      String referencedTable,
      String referencedColumn,
      List<String> orders) {
    public ConstraintInfo {
      columns = List.copyOf(columns);
      orders = List.copyOf(orders);
    }

    /** Whether this is a foreign key constraint. */
    public boolean isForeignKey() {
      return referencedTable != null;
    }

    /**
     * Collects one constraint from catalog rows that arrive column by column (the backends read
     * keys, constraints and indexes this way).
     *
     * <pre>{@code
     * var b = byName.computeIfAbsent(name, ConstraintInfo.Builder::new);
     * b.columns.add(column);
     * b.unique = true;
     * }</pre>
     */
    public static final class Builder {
      public final String name;
      public final List<String> columns = new java.util.ArrayList<>();
      public final List<String> orders = new java.util.ArrayList<>();
      public boolean primaryKey;
      public boolean unique;
      public boolean index;
      public boolean check;
      public String referencedTable;
      public String referencedColumn;

      public Builder(String name) {
        this.name = name;
      }

      public ConstraintInfo build() {
        return new ConstraintInfo(
            name,
            columns,
            primaryKey,
            unique,
            index,
            check,
            referencedTable,
            referencedColumn,
            orders);
      }
    }
  }

  /**
   * The sequence (PostgreSQL) or counter feeding an auto-increment column.
   *
   * @param name the sequence's name, or null where the counter belongs to the table
   */
  record SequenceInfo(String table, String column, String name) {}

  /** The tables and views, sorted by name; the ORM's own bookkeeping tables included. */
  List<TableInfo> tables();

  /** The names of the base tables (no views), sorted. */
  default List<String> tableNames() {
    return tables().stream().filter(t -> t.type() == TableType.TABLE).map(TableInfo::name).toList();
  }

  /** Whether a table or view of this name exists. */
  default boolean tableExists(String table) {
    return tables().stream().anyMatch(t -> t.name().equals(table));
  }

  /** The columns of a table or view, in their order; empty when it does not exist. */
  List<ColumnInfo> columns(String table);

  /** The primary key's column, when the key is one column. */
  default Optional<String> primaryKeyColumn(String table) {
    List<String> pk =
        constraints(table).stream()
            .filter(ConstraintInfo::primaryKey)
            .findFirst()
            .map(ConstraintInfo::columns)
            .orElse(List.of());
    return pk.size() == 1 ? Optional.of(pk.get(0)) : Optional.empty();
  }

  /** The single-column foreign keys of a table, in column order. */
  List<ForeignKeyInfo> foreignKeys(String table);

  /** Primary key, unique, check and foreign key constraints and indexes, sorted by name. */
  List<ConstraintInfo> constraints(String table);

  /** The sequences or counters behind the table's auto-increment columns. */
  List<SequenceInfo> sequences(String table);

  /** The names of the triggers on a table, sorted (on SQLite also TEMP triggers on it). */
  List<String> triggers(String table);
}
