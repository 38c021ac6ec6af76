package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Ref;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.ForeignKey;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The guide's self join: an employee's manager is another employee (or nobody). */
@Meta(dbTable = "employees")
public class Employee extends Model {
  public static final Manager<Employee> objects = Manager.of(Employee.class);

  @CharField(maxLength = 100)
  public String name;

  @ForeignKey(onDelete = OnDelete.SET_NULL, to = "self", nullable = true, relatedName = "reports")
  public final Ref<Employee> manager = new Ref<>();
}
