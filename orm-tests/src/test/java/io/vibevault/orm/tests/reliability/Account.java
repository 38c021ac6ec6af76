package io.vibevault.orm.tests.reliability;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A bank account holding whole currency units. */
@Meta(appLabel = "reliability", dbTable = "rel_account")
public class Account extends Model {
  public static final Manager<Account> objects = Manager.of(Account.class);

  @CharField(maxLength = 20)
  public String owner;

  @IntegerField public int balance;
}
