package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation, declared on a {@link io.vibevault.orm.model.ManyToMany} field whose type
 * argument is the target model. Without {@code through} the ORM creates the join table {@code
 * <table>_<field>} with columns {@code id}, {@code <model>_id}, {@code <target>_id} and a unique
 * pair.
 *
 * <pre>{@code
 * @ManyToManyField(relatedName = "memories")
 * public final ManyToMany<Tag> tags = new ManyToMany<>();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToManyField {
  /** The target as {@code "self"} or {@code "app.Model"}; empty means the type argument. */
  String to() default "";

  /** Name of the reverse accessor on the target; {@code "+"} hides the reverse side. */
  String relatedName() default "";

  /** Name used for the reverse side in lookup paths. */
  String relatedQueryName() default "";

  /** The join table's name; defaults to {@code <table>_<field>}. */
  String dbTable() default "";

  /** An explicit through model ({@code "app.Model"}) holding extra columns on the link. */
  String through() default "";

  /** A human-readable name. */
  String verboseName() default "";

  /** Help text for forms and documentation. */
  String helpText() default "";

  /** An empty set passes {@code fullClean()}. */
  boolean blank() default false;
}
