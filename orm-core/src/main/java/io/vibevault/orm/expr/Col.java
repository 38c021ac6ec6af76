package io.vibevault.orm.expr;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;

/**
 * A resolved column: a table alias and a field. What {@link F} and lookup paths become once the
 * query has joined the tables they name.
 *
 * <pre>{@code
 * new Col("memories", ModelMeta.of(Memory.class).field("title"));
 * }</pre>
 */
public final class Col extends Expression {
  private final String alias;
  private final Field field;

  public Col(String alias, Field field) {
    this.alias = alias;
    this.field = field;
  }

  public String alias() {
    return alias;
  }

  public Field field() {
    return field;
  }

  @Override
  public Expression resolve(Resolver resolver) {
    return this;
  }

  @Override
  public Fragment compile(Compiler compiler) {
    return Fragment.sql(
        alias == null
            ? compiler.quote(field.column())
            : compiler.quoteColumn(compiler.tableAlias(alias), field.column()));
  }

  @Override
  public FieldKind outputKind() {
    return field.kind();
  }

  @Override
  public Field outputField() {
    return field;
  }

  @Override
  public String toString() {
    return "Col(" + alias + "." + field.column() + ")";
  }
}
