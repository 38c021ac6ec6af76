package io.vibevault.orm.tests.introspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.Introspection.ColumnInfo;
import io.vibevault.orm.backend.Introspection.ConstraintInfo;
import io.vibevault.orm.backend.Introspection.TableType;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.tests.introspection.SchemaModels.Book;
import io.vibevault.orm.tests.introspection.SchemaModels.Genre;
import io.vibevault.orm.tests.introspection.SchemaModels.Shelf;
import io.vibevault.orm.transaction.Transaction;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** The schema the schema editor created, read back by each backend's Introspection. */
@DatabaseTest(models = {Shelf.class, Genre.class, Book.class})
class IntrospectionTest {

  private static Introspection schema(TestDatabase db) {
    return db.backend().introspection(db.connection());
  }

  private static Map<String, ColumnInfo> columns(TestDatabase db, String table) {
    return schema(db).columns(table).stream()
        .collect(Collectors.toMap(ColumnInfo::name, Function.identity()));
  }

  @DbTest
  void listsTheModelsTablesAndJoinTable(TestDatabase db) {
    String join = ModelMeta.of(Book.class).field("genres").relation().through().dbTable();
    List<String> tables = schema(db).tableNames();
    assertThat(tables).contains("is_shelf", "is_genre", "is_book", join);
    assertThat(tables).isSorted();
    assertThat(schema(db).tables())
        .filteredOn(t -> t.name().equals("is_book"))
        .singleElement()
        .satisfies(t -> assertThat(t.type()).isEqualTo(TableType.TABLE));
    assertThat(schema(db).tableExists("is_book")).isTrue();
    assertThat(schema(db).tableExists("no_such_table")).isFalse();
    assertThat(schema(db).columns("no_such_table")).isEmpty();
  }

  @DbTest
  void viewsAreListedAsViews(TestDatabase db) {
    String q = db.backend().operations().quoteName("is_shelf");
    String v = db.backend().operations().quoteName("is_shelf_names");
    db.connection().execute("CREATE VIEW " + v + " AS SELECT name FROM " + q, List.of());
    try {
      assertThat(schema(db).tables())
          .filteredOn(t -> t.name().equals("is_shelf_names"))
          .singleElement()
          .satisfies(t -> assertThat(t.type()).isEqualTo(TableType.VIEW));
      assertThat(schema(db).tableNames()).doesNotContain("is_shelf_names");
      assertThat(schema(db).columns("is_shelf_names"))
          .extracting(ColumnInfo::name)
          .containsExactly("name");
    } finally {
      db.connection().execute("DROP VIEW " + v, List.of());
    }
  }

  @DbTest
  void columnsComeInTableOrderWithKindsAndNullability(TestDatabase db) {
    List<String> names = schema(db).columns("is_book").stream().map(ColumnInfo::name).toList();
    assertThat(names)
        .containsExactly(
            "id",
            "shelf_id",
            "return_shelf_id",
            "title",
            "summary",
            "pages",
            "isbn",
            "edition",
            "rating",
            "price",
            "in_print",
            "published_on",
            "added_at",
            "read_at",
            "reading_time",
            "public_id",
            "extra",
            "cover",
            "Legacy Code");
    Map<String, ColumnInfo> c = columns(db, "is_book");

    ColumnInfo id = c.get("id");
    assertThat(id.primaryKey()).isTrue();
    assertThat(id.autoIncrement()).isTrue();
    assertThat(id.nullable()).isFalse();
    assertThat(id.kind()).isIn(FieldKind.AUTO, FieldKind.BIG_AUTO);

    assertThat(c.get("title").kind()).isEqualTo(FieldKind.CHAR);
    assertThat(c.get("title").maxLength()).isEqualTo(200);
    assertThat(c.get("title").nullable()).isFalse();
    assertThat(c.get("title").primaryKey()).isFalse();
    assertThat(c.get("title").autoIncrement()).isFalse();
    assertThat(c.get("Legacy Code").maxLength()).isEqualTo(20);
    assertThat(c.get("Legacy Code").nullable()).isTrue();
    assertThat(c.get("summary").kind()).isEqualTo(FieldKind.TEXT);
    assertThat(c.get("summary").nullable()).isTrue();
    assertThat(c.get("pages").kind()).isEqualTo(FieldKind.INTEGER);
    assertThat(c.get("isbn").kind()).isEqualTo(FieldKind.BIG_INTEGER);
    assertThat(c.get("edition").kind()).isEqualTo(FieldKind.SMALL_INTEGER);
    assertThat(c.get("rating").kind()).isEqualTo(FieldKind.FLOAT);
    assertThat(c.get("in_print").kind()).isEqualTo(FieldKind.BOOLEAN);
    assertThat(c.get("published_on").kind()).isEqualTo(FieldKind.DATE);
    assertThat(c.get("added_at").kind()).isEqualTo(FieldKind.DATE_TIME);
    assertThat(c.get("read_at").kind()).isEqualTo(FieldKind.TIME);
    assertThat(c.get("extra").kind())
        .as("JSON, also where it is checked text")
        .isEqualTo(FieldKind.JSON);
    assertThat(c.get("cover").kind()).isEqualTo(FieldKind.BINARY);
    assertThat(c.get("shelf_id").kind()).isEqualTo(FieldKind.BIG_INTEGER);
    // Where the database has no interval or uuid type, the column's storage type is reported.
    assertThat(c.get("reading_time").kind()).isIn(FieldKind.DURATION, FieldKind.BIG_INTEGER);
    assertThat(c.get("public_id").kind()).isIn(FieldKind.UUID, FieldKind.CHAR);
    ColumnInfo price = c.get("price");
    assertThat(price.kind()).isEqualTo(FieldKind.DECIMAL);
    if (price.precision() != null) {
      assertThat(price.precision()).isEqualTo(8);
      assertThat(price.scale()).isEqualTo(2);
    }
    assertThat(c.values()).allSatisfy(col -> assertThat(col.dataType()).isNotBlank());
  }

  @DbTest
  void sqliteReportsNoDigitsForDecimalsTheServersDo(TestDatabase db) {
    ColumnInfo price = columns(db, "is_book").get("price");
    if (db.vendor().equals("sqlite")) {
      assertThat(price.precision()).isNull();
    } else {
      assertThat(price.precision()).isEqualTo(8);
    }
  }

  @DbTest
  void foreignKeysNameTheirTargets(TestDatabase db) {
    assertThat(schema(db).foreignKeys("is_book"))
        .extracting(fk -> fk.column() + "->" + fk.referencedTable() + "." + fk.referencedColumn())
        .containsExactly("return_shelf_id->is_shelf.id", "shelf_id->is_shelf.id");
    String join = ModelMeta.of(Book.class).field("genres").relation().through().dbTable();
    assertThat(schema(db).foreignKeys(join))
        .extracting(fk -> fk.referencedTable())
        .containsExactlyInAnyOrder("is_book", "is_genre");
    assertThat(schema(db).foreignKeys("is_shelf")).isEmpty();
  }

  @DbTest
  void constraintsAndIndexes(TestDatabase db) {
    List<ConstraintInfo> all = schema(db).constraints("is_book");
    assertThat(all).extracting(ConstraintInfo::name).isSorted();
    Map<String, ConstraintInfo> byName =
        all.stream().collect(Collectors.toMap(ConstraintInfo::name, Function.identity()));

    assertThat(all)
        .filteredOn(ConstraintInfo::primaryKey)
        .singleElement()
        .satisfies(
            pk -> {
              assertThat(pk.columns()).containsExactly("id");
              assertThat(pk.unique()).isTrue();
            });
    assertThat(schema(db).primaryKeyColumn("is_book")).contains("id");

    ConstraintInfo index = byName.get("is_book_shelf_pub_idx");
    assertThat(index).isNotNull();
    assertThat(index.index()).isTrue();
    assertThat(index.unique()).isFalse();
    assertThat(index.columns()).containsExactly("shelf_id", "published_on");
    assertThat(index.orders()).containsExactly("ASC", "DESC");

    ConstraintInfo unique = byName.get("is_book_shelf_title_uniq");
    assertThat(unique).isNotNull();
    assertThat(unique.unique()).isTrue();
    assertThat(unique.columns()).containsExactly("shelf_id", "title");

    ConstraintInfo check = byName.get("is_book_pages_positive");
    assertThat(check).isNotNull();
    assertThat(check.check()).isTrue();
    assertThat(check.columns()).containsExactly("pages");

    assertThat(all)
        .filteredOn(ConstraintInfo::isForeignKey)
        .extracting(c -> c.columns() + "->" + c.referencedTable() + "." + c.referencedColumn())
        .containsExactlyInAnyOrder("[shelf_id]->is_shelf.id", "[return_shelf_id]->is_shelf.id");

    assertThat(schema(db).constraints("is_shelf"))
        .filteredOn(c -> c.unique() && !c.primaryKey())
        .singleElement()
        .satisfies(c -> assertThat(c.columns()).containsExactly("name"));
  }

  @DbTest
  void theIdSequenceIsFound(TestDatabase db) {
    assertThat(schema(db).sequences("is_book"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.table()).isEqualTo("is_book");
              assertThat(s.column()).isEqualTo("id");
              if (db.vendor().equals("postgresql")) {
                assertThat(s.name()).isNotBlank();
              }
            });
    String join = ModelMeta.of(Book.class).field("genres").relation().through().dbTable();
    assertThat(schema(db).sequences(join)).extracting(s -> s.column()).containsExactly("id");
  }

  @DbTest
  void theTriggersOnATableAreListed(TestDatabase db) {
    var ops = db.backend().operations();
    String table = ops.quoteName("is_shelf");
    String trigger = ops.quoteName("is_shelf_audit");
    List<String> create =
        switch (db.vendor()) {
          case "sqlite" ->
              List.of(
                  "CREATE TRIGGER "
                      + trigger
                      + " AFTER INSERT ON "
                      + table
                      + " BEGIN SELECT 1; END");
          case "postgresql" ->
              List.of(
                  "CREATE FUNCTION is_shelf_audit_fn() RETURNS trigger LANGUAGE plpgsql"
                      + " AS 'BEGIN RETURN NEW; END'",
                  "CREATE TRIGGER "
                      + trigger
                      + " AFTER INSERT ON "
                      + table
                      + " FOR EACH ROW EXECUTE FUNCTION is_shelf_audit_fn()");
          default ->
              List.of(
                  "CREATE TRIGGER "
                      + trigger
                      + " AFTER INSERT ON "
                      + table
                      + " FOR EACH ROW SET @is_shelf_audit = 1");
        };
    assertThat(schema(db).triggers("is_shelf")).isEmpty();
    for (String sql : create) {
      db.connection().execute(sql, List.of());
    }
    try {
      assertThat(schema(db).triggers("is_shelf")).containsExactly("is_shelf_audit");
      assertThat(schema(db).triggers("is_book")).isEmpty();
      assertThat(schema(db).triggers("no_such_table")).isEmpty();
    } finally {
      db.connection()
          .execute(
              "DROP TRIGGER " + trigger + (db.vendor().equals("postgresql") ? " ON " + table : ""),
              List.of());
      if (db.vendor().equals("postgresql")) {
        db.connection().execute("DROP FUNCTION is_shelf_audit_fn()", List.of());
      }
    }
  }

  @DbTest
  void sqliteListsTheTempTriggersOnATableToo(TestDatabase db) {
    Assumptions.assumeTrue(db.vendor().equals("sqlite"), "TEMP triggers are SQLite's");
    // A TEMP trigger lives on one connection: an atomic block keeps to it.
    Transaction.atomic(
        () -> {
          db.connection()
              .execute(
                  "CREATE TEMP TRIGGER \"is_book_temp\" AFTER INSERT ON \"is_book\""
                      + " BEGIN SELECT 1; END",
                  List.of());
          try {
            assertThat(schema(db).triggers("is_book")).containsExactly("is_book_temp");
          } finally {
            db.connection().execute("DROP TRIGGER \"is_book_temp\"", List.of());
          }
        });
  }

  @DbTest
  void reservedWordsAndOddNamesAreReadBack(TestDatabase db) {
    var ops = db.backend().operations();
    String table = ops.quoteName("order");
    db.connection()
        .execute(
            "CREATE TABLE "
                + table
                + " ("
                + ops.quoteName("select")
                + " integer NOT NULL, "
                + ops.quoteName("Group By")
                + " varchar(10) NULL)",
            List.of());
    try {
      assertThat(schema(db).tableNames()).contains("order");
      assertThat(schema(db).columns("order"))
          .extracting(ColumnInfo::name, ColumnInfo::nullable)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("select", false),
              org.assertj.core.groups.Tuple.tuple("Group By", true));
      assertThat(schema(db).primaryKeyColumn("order")).isEmpty();
      // A name that looks like SQL is only ever a bound value.
      assertThat(schema(db).columns("order\" OR 1=1 --")).isEmpty();
      assertThat(schema(db).constraints("x' OR '1'='1")).isEmpty();
    } finally {
      db.connection().execute("DROP TABLE " + table, List.of());
    }
  }
}
