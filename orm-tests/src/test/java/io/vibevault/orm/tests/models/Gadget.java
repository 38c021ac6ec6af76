package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.BooleanField;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DateTimeField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.PositiveIntegerField;
import io.vibevault.orm.model.fields.TextField;
import io.vibevault.orm.query.Manager;
import java.time.Instant;

/**
 * Field options: nullable, blank, default, unique, dbIndex, dbColumn, choices, names, validators.
 */
@Meta(appLabel = "models")
public class Gadget extends Model {
  public static final Manager<Gadget> objects = Manager.of(Gadget.class);

  @CharField(
      maxLength = 10,
      unique = true,
      verboseName = "product code",
      helpText = "Printed on the box.")
  public String code;

  @CharField(maxLength = 30, blank = true)
  public String nickname = "";

  @TextField(nullable = true)
  public String notes;

  @IntegerField(
      dbColumn = "qty_in_stock",
      validators = {EvenNumber.class})
  public int quantity = 2;

  @BooleanField public boolean active = true;

  @CharField(maxLength = 10, dbIndex = true)
  public MediaType kind = MediaType.TEXT;

  @IntegerField(nullable = true)
  public Priority priority;

  @PositiveIntegerField public int weight = 0;

  @DateTimeField(autoNowAdd = true)
  public Instant createdAt;

  @DateTimeField(autoNow = true)
  public Instant updatedAt;
}
