package io.vibevault.orm.tests.conformance.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.DecimalField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;
import java.math.BigDecimal;

/** The conformance schema's {@code vault.Account}. */
@Meta(appLabel = "vault")
public class Account extends Model {
  public static final Manager<Account> objects = Manager.of(Account.class);

  @CharField(maxLength = 100)
  public String owner;

  @DecimalField(maxDigits = 12, decimalPlaces = 2)
  public BigDecimal balance;

  public Account() {}

  public Account(String owner, BigDecimal balance) {
    this.owner = owner;
    this.balance = balance;
  }
}
