package io.vibevault.orm.tests.guide;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** The {@code accounts} table of the guide's ACID example. */
@Meta(dbTable = "accounts")
public class Account extends Model {
  public static final Manager<Account> objects = Manager.of(Account.class);

  @CharField(maxLength = 50)
  public String owner;

  @IntegerField public int balance = 0;
}
