package io.vibevault.orm.model.fields;

import io.vibevault.orm.model.OnDelete;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation, declared on a {@link io.vibevault.orm.model.Ref} field whose type
 * argument is the target model. The column is {@code <field>_id} and carries a foreign-key
 * constraint; {@code memory.user.id()} reads it without a query, {@code memory.user.get()} loads
 * the target once.
 *
 * <pre>{@code
 * @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "memories")
 * public final Ref<User> user = new Ref<>();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
  /** What deleting the target does to rows pointing at it. */
  OnDelete onDelete();

  /**
   * The target as {@code "self"} or {@code "app.Model"}, resolved lazily; empty means the {@code
   * Ref}'s type argument.
   */
  String to() default "";

  /** Name of the reverse accessor on the target; {@code "+"} hides the reverse side. */
  String relatedName() default "";

  /** Name used for the reverse side in lookup paths; defaults to relatedName or the model name. */
  String relatedQueryName() default "";

  /** The target field the column points at; defaults to the target's primary key. */
  String toField() default "";

  /** Create a foreign-key constraint in the database. */
  boolean dbConstraint() default true;

  /** The column may hold NULL. */
  boolean nullable() default false;

  /** An empty value passes {@code fullClean()}. */
  boolean blank() default false;

  /** The column name; defaults to {@code <field>_id}. */
  String dbColumn() default "";

  /**
   * A comment on the column in the database (Django's {@code db_comment}), for people reading the
   * schema; PostgreSQL and MariaDB store it, SQLite ignores it.
   */
  String dbComment() default "";

  /** An index on the column (foreign keys are indexed by default). */
  boolean dbIndex() default true;

  /** A human-readable name. */
  String verboseName() default "";

  /** Help text for forms and documentation. */
  String helpText() default "";

  /**
   * For {@link OnDelete#SET}: the value written into the pointing rows, as a JSON literal ({@code
   * "1"}, {@code "null"}).
   */
  String onDeleteValue() default "";

  /**
   * For {@link OnDelete#SET}: a public static no-argument method of this model computing the value
   * (a key or a model instance), called once per deletion.
   */
  String onDeleteMethod() default "";

  /**
   * The objects this relation may point at, as lookups {@code "path=jsonValue"} AND-ed ({@code
   * "isActive=true"}, {@code "username__startswith=\"a\""}): checked by {@code fullClean()} and
   * offered to forms as the choices.
   */
  String[] limitChoicesTo() default {};

  /**
   * A public static no-argument method of this model returning {@code Map<String, ?>} lookups, for
   * conditions computed at validation time (instead of {@link #limitChoicesTo()}).
   */
  String limitChoicesToMethod() default "";
}
