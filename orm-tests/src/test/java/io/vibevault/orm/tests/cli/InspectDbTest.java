package io.vibevault.orm.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.tests.introspection.SchemaModels.Book;
import io.vibevault.orm.tests.introspection.SchemaModels.Genre;
import io.vibevault.orm.tests.introspection.SchemaModels.Shelf;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * inspectdb round trip on every database: tables made from models, read back into Java source,
 * compiled with javax.tools, loaded, and compared field by field; then the generated models query
 * the very rows the originals wrote. Hostile names, comments and defaults (THREATS H-71, H-72) come
 * out as safe identifiers, comments and literals.
 */
@DatabaseTest(models = {Shelf.class, Genre.class, Book.class})
class InspectDbTest {

  private static String pkg(TestDatabase db, String suffix) {
    return "io.vibevault.orm.tests.cli.gen" + suffix + db.vendor();
  }

  private static Class<? extends Model> model(ClassLoader loader, String name) throws Exception {
    return Class.forName(name, true, loader).asSubclass(Model.class);
  }

  private static Manager<?> objects(Class<?> model) throws Exception {
    return (Manager<?>) model.getField("objects").get(null);
  }

  private static String generate(TestDatabase db, String pkg, String... tables) {
    String[] head = {"inspectdb", "--package", pkg, "--app-label", pkg.replace('.', '_')};
    String[] args = new String[head.length + tables.length];
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(tables, 0, args, head.length, tables.length);
    CliRun run = CliRun.run(args);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return run.out();
  }

  private static String path(String pkg, String className) {
    return pkg.replace('.', '/') + "/" + className + ".java";
  }

  @DbTest
  void modelsRoundTripThroughInspectdbAndTheCompiler(TestDatabase db, @TempDir Path tmp)
      throws Exception {
    Shelf fiction = Shelf.objects.create("name", "fiction");
    Shelf.objects.create("name", "poetry");
    Genre drama = Genre.objects.create("label", "drama");
    Book dune =
        Book.objects.create(
            "shelf",
            fiction,
            "title",
            "Dune",
            "pages",
            412,
            "price",
            new BigDecimal("9.99"),
            "legacyCode",
            "D-1",
            "extra",
            Map.of("tags", List.of("sf")));
    dune.genres.add(drama);

    String pkg = pkg(db, "rt");
    String source = generate(db, pkg);
    assertThat(source).contains("public final class InspectedModels");
    ClassLoader loader = SourceCompiler.compile(tmp, Map.of(path(pkg, "InspectedModels"), source));
    Class<? extends Model> shelfClass = model(loader, pkg + ".InspectedModels$IsShelf");
    Class<? extends Model> bookClass = model(loader, pkg + ".InspectedModels$IsBook");
    ModelMeta shelf = ModelMeta.of(shelfClass);
    ModelMeta book = ModelMeta.of(bookClass);

    assertThat(shelf.dbTable()).isEqualTo("is_shelf");
    assertThat(book.dbTable()).isEqualTo("is_book");
    assertThat(shelf.field("name").isUnique()).isTrue();
    assertThat(shelf.field("name").maxLength()).isEqualTo(60);

    Field title = book.field("title");
    boolean comments = db.connection().backend().features().supportsComments();
    assertThat(title.dbComment()).isEqualTo(comments ? "The title as printed (no subtitle)" : "");
    assertThat(shelf.dbTableComment())
        .isEqualTo(comments ? "Where books stand: it's a \"shelf\"" : "");
    assertThat(title.kind()).isEqualTo(FieldKind.CHAR);
    assertThat(title.maxLength()).isEqualTo(200);
    assertThat(title.isNullable()).isFalse();
    assertThat(book.field("summary").kind()).isEqualTo(FieldKind.TEXT);
    assertThat(book.field("summary").isNullable()).isTrue();
    assertThat(book.field("pages").kind()).isEqualTo(FieldKind.INTEGER);
    assertThat(book.field("isbn").kind()).isEqualTo(FieldKind.BIG_INTEGER);
    assertThat(book.field("edition").kind()).isEqualTo(FieldKind.SMALL_INTEGER);
    assertThat(book.field("rating").kind()).isEqualTo(FieldKind.FLOAT);
    assertThat(book.field("inPrint").kind()).isEqualTo(FieldKind.BOOLEAN);
    assertThat(book.field("publishedOn").kind()).isEqualTo(FieldKind.DATE);
    assertThat(book.field("addedAt").kind()).isEqualTo(FieldKind.DATE_TIME);
    assertThat(book.field("readAt").kind()).isEqualTo(FieldKind.TIME);
    assertThat(book.field("extra").kind()).isEqualTo(FieldKind.JSON);
    assertThat(book.field("cover").kind()).isEqualTo(FieldKind.BINARY);
    assertThat(book.field("price").kind()).isEqualTo(FieldKind.DECIMAL);
    if (!db.vendor().equals("sqlite")) {
      assertThat(book.field("price").maxDigits()).isEqualTo(8);
      assertThat(book.field("price").decimalPlaces()).isEqualTo(2);
    }
    Field legacy = book.field("legacyCode");
    assertThat(legacy.column()).isEqualTo("Legacy Code");
    assertThat(legacy.maxLength()).isEqualTo(20);
    assertThat(legacy.isNullable()).isTrue();

    Field shelfKey = book.field("shelf");
    assertThat(shelfKey.isRelation()).isTrue();
    assertThat(shelfKey.column()).isEqualTo("shelf_id");
    assertThat(shelfKey.isNullable()).isFalse();
    assertThat(shelfKey.relation().target().dbTable()).isEqualTo("is_shelf");
    assertThat(shelfKey.relation().onDelete()).isEqualTo(OnDelete.DO_NOTHING);
    assertThat(bookClass.getField("shelf").getAnnotation(ForeignKey.class).onDelete())
        .isEqualTo(OnDelete.DO_NOTHING);
    Field returnKey = book.field("returnShelf");
    assertThat(returnKey.isNullable()).isTrue();
    assertThat(returnKey.relation().relatedName()).isEqualTo("isBookReturnShelfSet");
    assertThat(book.uniqueTogether()).containsExactly(List.of("shelf", "title"));

    // The generated models read the rows the original models wrote.
    assertThat(objects(shelfClass).count()).isEqualTo(2);
    Model read = objects(bookClass).get("title", "Dune");
    assertThat(bookClass.getField("pages").get(read)).isEqualTo(412);
    assertThat(bookClass.getField("legacyCode").get(read)).isEqualTo("D-1");
    assertThat(bookClass.getField("extra").get(read)).isEqualTo(Map.of("tags", List.of("sf")));
    assertThat(
            ((BigDecimal) bookClass.getField("price").get(read)).compareTo(new BigDecimal("9.99")))
        .isZero();
    assertThat(((Ref<?>) bookClass.getField("shelf").get(read)).id()).isEqualTo(fiction.id);

    // The join table of the many-to-many is a model with two keys.
    String join = ModelMeta.of(Book.class).field("genres").relation().through().dbTable();
    ModelMeta through = null;
    for (Class<?> nested : Class.forName(pkg + ".InspectedModels", true, loader).getClasses()) {
      ModelMeta meta = ModelMeta.of(nested.asSubclass(Model.class));
      if (meta.dbTable().equals(join)) {
        through = meta;
      }
    }
    assertThat(through).as("a model for %s", join).isNotNull();
    assertThat(through.relationFields())
        .extracting(f -> f.relation().target().dbTable())
        .containsExactlyInAnyOrder("is_book", "is_genre");
  }

  /** Text that would end a comment or string early and run code, if written as is. */
  private static final String HOSTILE =
      "*/ } class Evil { } /*\n System.exit(7); // \\u000a System.exit(8); \" + x + \"";

  private static String sqlLiteral(TestDatabase db, String text) {
    String quoted = text.replace("'", "''");
    if (db.vendor().equals("mariadb")) {
      quoted = quoted.replace("\\", "\\\\");
    }
    return "'" + quoted + "'";
  }

  private static String name(TestDatabase db, String identifier) {
    return db.vendor().equals("mariadb")
        ? "`" + identifier.replace("`", "``") + "`"
        : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @DbTest
  void hostileNamesCommentsAndDefaultsBecomeSafeJava(TestDatabase db, @TempDir Path tmp)
      throws Exception {
    String lit = sqlLiteral(db, HOSTILE);
    boolean mysql = db.vendor().equals("mariadb");
    String table = name(db, "hostile");
    db.connection()
        .execute(
            "CREATE TABLE "
                + table
                + " ("
                + name(db, "id")
                + " integer NOT NULL PRIMARY KEY, "
                + name(db, "class")
                + " varchar(100) DEFAULT "
                + lit
                + " NULL"
                + (mysql ? " COMMENT " + lit : "")
                + ", "
                + name(db, "2fa")
                + " integer NULL, "
                + name(db, "Order Total")
                + " integer NULL, "
                + name(db, "my\"field")
                + " varchar(5) NULL)"
                + (mysql ? " COMMENT " + lit : ""),
            List.of());
    try {
      if (db.vendor().equals("postgresql")) {
        db.connection().execute("COMMENT ON COLUMN " + table + ".\"class\" IS " + lit, List.of());
        db.connection().execute("COMMENT ON TABLE " + table + " IS " + lit, List.of());
      }
      String pkg = pkg(db, "hostile");
      String source = generate(db, pkg, "hostile");
      for (String line : source.lines().toList()) {
        if ((line.contains("System.exit") || line.contains("Evil"))
            && !line.contains("dbComment = ")
            && !line.contains("dbTableComment = ")) {
          assertThat(line.strip()).as("dangerous text only in comments").startsWith("//");
        }
      }
      assertThat(source).contains("// Database default: ");
      assertThat(source).contains("\\\\u000a").doesNotContain(" \\u000a System");
      assertThat(source)
          .contains(
              "// Column my\"field is left out: its name has a quote character, which models"
                  + " reject.");
      if (!db.vendor().equals("sqlite")) {
        // The comments become string literals of dbComment / dbTableComment, escaped.
        assertThat(source)
            .contains(
                "dbComment = \"*/ } class Evil { } /*\\n System.exit(7); // \\\\u000a"
                    + " System.exit(8); \\\" + x + \\\"\"");
        assertThat(source).contains("dbTableComment = \"*/ } class Evil");
      }
      ClassLoader loader =
          SourceCompiler.compile(tmp, Map.of(path(pkg, "InspectedModels"), source));
      ModelMeta hostile = ModelMeta.of(model(loader, pkg + ".InspectedModels$Hostile"));
      assertThat(hostile.dbTable()).isEqualTo("hostile");
      assertThat(hostile.field("classField").column()).isEqualTo("class");
      assertThat(hostile.field("number2fa").column()).isEqualTo("2fa");
      assertThat(hostile.field("orderTotal").column()).isEqualTo("Order Total");
      assertThat(hostile.concreteFields())
          .extracting(Field::column)
          .containsExactlyInAnyOrder("id", "class", "2fa", "Order Total");
      assertThat(hostile.pk().column()).isEqualTo("id");
      if (!db.vendor().equals("sqlite")) {
        // The compiled model holds exactly the database's text: nothing ended a literal early.
        assertThat(hostile.field("classField").dbComment()).isEqualTo(HOSTILE);
        assertThat(hostile.dbTableComment()).isEqualTo(HOSTILE);
      }
    } finally {
      db.connection().execute("DROP TABLE " + table, List.of());
    }
  }

  @DbTest
  void outputDirWritesOneFilePerModelAndNeverOverwrites(TestDatabase db, @TempDir Path tmp)
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("out"));
    String pkg = pkg(db, "files");
    String[] args = {
      "inspectdb", "--output-dir", dir.toString(), "--package", pkg, "is_shelf", "is_book"
    };
    CliRun run = CliRun.run(args);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    Path pkgDir = dir.resolve(pkg.replace('.', '/'));
    assertThat(run.out())
        .contains("Writing models 1/2 IsShelf.java", "Writing models 2/2 IsBook.java");
    assertThat(run.out()).contains("Wrote 2 model(s) to " + pkgDir);
    String shelf = Files.readString(pkgDir.resolve("IsShelf.java"));
    String book = Files.readString(pkgDir.resolve("IsBook.java"));
    assertThat(shelf).contains("public class IsShelf extends Model");
    ClassLoader loader =
        SourceCompiler.compile(tmp, Map.of(path(pkg, "IsShelf"), shelf, path(pkg, "IsBook"), book));
    ModelMeta meta = ModelMeta.of(model(loader, pkg + ".IsBook"));
    assertThat(meta.field("shelf").relation().target().dbTable()).isEqualTo("is_shelf");

    Files.writeString(pkgDir.resolve("IsShelf.java"), "// mine");
    CliRun again = CliRun.run(args);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("Error: Not overwriting existing files: [");
    assertThat(Files.readString(pkgDir.resolve("IsShelf.java"))).isEqualTo("// mine");
  }

  @DbTest
  void aKeyToATableLeftOutStaysAPlainColumn(TestDatabase db, @TempDir Path tmp) throws Exception {
    String pkg = pkg(db, "partial");
    String source = generate(db, pkg, "is_book");
    assertThat(source).contains("// References is_shelf, which was not inspected");
    ClassLoader loader = SourceCompiler.compile(tmp, Map.of(path(pkg, "InspectedModels"), source));
    ModelMeta meta = ModelMeta.of(model(loader, pkg + ".InspectedModels$IsBook"));
    assertThat(meta.field("shelf").isRelation()).isFalse();
    assertThat(meta.field("shelf").column()).isEqualTo("shelf_id");
  }

  @DbTest
  void anUnknownTableIsAnErrorAndNothingIsPrinted(TestDatabase db) {
    CliRun run = CliRun.run("inspectdb", "is_shelf", "nope", "nada");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).isEqualTo("Error: No such table: nope, nada");
  }

  @DbTest
  void badPackageOrClassNamesAreRefused(TestDatabase db) {
    CliRun pkg = CliRun.run("inspectdb", "--package", "com.example;System.exit(1)");
    assertThat(pkg.exitCode()).isEqualTo(1);
    assertThat(pkg.err()).startsWith("Error: --package: ");
    CliRun label = CliRun.run("inspectdb", "--app-label", "Bad\"Label");
    assertThat(label.exitCode()).isEqualTo(1);
    assertThat(label.err()).startsWith("Error: --app-label: ");
    CliRun cls = CliRun.run("inspectdb", "--class-name", "Evil{}");
    assertThat(cls.exitCode()).isEqualTo(1);
    assertThat(cls.err()).startsWith("Error: --class-name: ");
  }
}
