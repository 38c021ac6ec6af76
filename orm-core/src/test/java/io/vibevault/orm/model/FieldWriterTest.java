package io.vibevault.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hydration's one-call writer sets fields exactly as {@link Field#set} does, one by one. */
class FieldWriterTest {
  @io.vibevault.orm.model.fields.Meta(appLabel = "writers")
  public static class Owner extends Model {}

  @io.vibevault.orm.model.fields.Meta(appLabel = "writers")
  public static class Row extends Model {
    @CharField(maxLength = 20)
    public String title;

    @IntegerField public int count;

    @BooleanField public boolean flag;

    @IntegerField(nullable = true)
    public Integer maybe;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public final Ref<Owner> owner = new Ref<>();
  }

  private static final ModelMeta META = ModelMeta.of(Row.class);

  private static Field[] fields(String... names) {
    List<Field> out = new ArrayList<>();
    for (String n : names) {
      out.add(META.field(n));
    }
    return out.toArray(new Field[0]);
  }

  @Test
  void setsEveryFieldInOneCallAndClearsTheScratchValues() {
    FieldWriter w =
        ModelInternals.fieldWriter(META, fields("id", "title", "count", "flag", "maybe"));
    Row r = new Row();
    Object[] values = {7L, "beach", 3, true, null};
    w.write(r, values);
    assertThat(r.id).isEqualTo(7L);
    assertThat(r.title).isEqualTo("beach");
    assertThat(r.count).isEqualTo(3);
    assertThat(r.flag).isTrue();
    assertThat(r.maybe).isNull();
    assertThat(values).containsOnlyNulls();
  }

  @Test
  void aNullForAPrimitiveIsTheSameErrorAsFieldSet() {
    FieldWriter w = ModelInternals.fieldWriter(META, fields("title", "count"));
    assertThatThrownBy(() -> w.write(new Row(), new Object[] {"x", null}))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("'count' is a primitive and cannot hold NULL");
    assertThatThrownBy(() -> META.field("count").set(new Row(), null))
        .isInstanceOf(ValidationError.class)
        .hasMessageContaining("'count' is a primitive and cannot hold NULL");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedAsFieldSetRefusesIt() {
    FieldWriter w = ModelInternals.fieldWriter(META, fields("title"));
    assertThatThrownBy(() -> w.write(new Row(), new Object[] {42}))
        .isInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> META.field("title").set(new Row(), 42))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void relationsAreNotPlainFields() {
    assertThat(ModelInternals.isWritableDirectly(META.field("owner"))).isFalse();
    assertThat(ModelInternals.isWritableDirectly(META.field("title"))).isTrue();
    assertThatThrownBy(() -> ModelInternals.fieldWriter(META, fields("owner")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameFieldsShareOneWriterAndManyShapesStillWrite() {
    Field[] f = fields("title", "count");
    assertThat(ModelInternals.fieldWriter(META, f))
        .isSameAs(ModelInternals.fieldWriter(META, fields("title", "count")));
    // Past the number of kept writers, a writer sets each field on its own, with the same result.
    Field[] all = fields("id", "title", "count", "flag", "maybe");
    java.util.Set<List<Field>> shapes = new java.util.HashSet<>();
    for (int mask = 1; mask < 32; mask++) {
      for (int rotate = 0; rotate < 5; rotate++) {
        List<Field> shape = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int k = 0; k < all.length; k++) {
          int i = (k + rotate) % all.length;
          if ((mask & (1 << i)) != 0) {
            shape.add(all[i]);
            values.add(List.<Object>of(9L, "t", 4, true, 5).get(i));
          }
        }
        Row r = new Row();
        ModelInternals.fieldWriter(META, shape.toArray(new Field[0])).write(r, values.toArray());
        for (Field s : shape) {
          assertThat(s.get(r)).isNotNull();
        }
        shapes.add(shape);
      }
    }
    assertThat(shapes).hasSizeGreaterThan(FieldWriter.MAX_PER_MODEL);
    assertThat(META.fieldWriters).hasSizeLessThanOrEqualTo(FieldWriter.MAX_PER_MODEL);
  }
}
