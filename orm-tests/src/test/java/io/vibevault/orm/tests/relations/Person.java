package io.vibevault.orm.tests.relations;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The owner side: {@code notes} and {@code reviewed} (Note), {@code passport} (Passport). */
@Meta(appLabel = "relations")
public class Person extends Model {
  public static final Manager<Person> objects = Manager.of(Person.class);

  @CharField(maxLength = 50)
  public String name;
}
