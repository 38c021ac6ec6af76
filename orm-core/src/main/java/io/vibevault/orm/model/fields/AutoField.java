package io.vibevault.orm.model.fields;

import io.vibevault.orm.model.Validator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An auto-incrementing integer primary key. Every model without a declared primary key gets an
 * implicit {@code id} ({@link BigAutoField}).
 *
 * <p>The Java field's initial value is the field's default ({@code public int viewCount = 0;}).
 *
 * <pre>{@code
 * @AutoField(primaryKey = true) public Integer number;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AutoField {

  /** The column may hold NULL (Django's {@code null=True}). */
  boolean nullable() default false;

  /** An empty value passes {@code fullClean()}. */
  boolean blank() default false;

  /** A unique constraint on the column. */
  boolean unique() default false;

  /** An index on the column. */
  boolean dbIndex() default false;

  /** The column name; defaults to the field name in snake_case. */
  String dbColumn() default "";

  /**
   * A comment on the column in the database (Django's {@code db_comment}), for people reading the
   * schema; PostgreSQL and MariaDB store it, SQLite ignores it.
   */
  String dbComment() default "";

  /** This field is the primary key instead of the implicit {@code id}. */
  boolean primaryKey() default false;

  /** A human-readable name; defaults to the field name split into words. */
  String verboseName() default "";

  /** Help text for forms and documentation. */
  String helpText() default "";

  /** Validators run by {@code fullClean()}, each with a public no-argument constructor. */
  Class<? extends Validator>[] validators() default {};
}
