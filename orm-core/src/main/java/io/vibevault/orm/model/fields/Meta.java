package io.vibevault.orm.model.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model's options (Django's {@code class Meta}).
 *
 * <pre>{@code
 * @Meta(dbTable = "memories", ordering = "-createdAt", verboseNamePlural = "memories",
 *       indexes = @Index(fields = {"user", "createdAt"}))
 * public class Memory extends Model { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Meta {
  /** The app the model belongs to; defaults to the last segment of the model's package. */
  String appLabel() default "";

  /** The table name; defaults to {@code <app>_<model in lower case>}. */
  String dbTable() default "";

  /**
   * A comment on the table in the database (Django's {@code db_table_comment}); PostgreSQL and
   * MariaDB store it, SQLite ignores it.
   */
  String dbTableComment() default "";

  /** Default ordering: field names, {@code -} for descending. */
  String[] ordering() default {};

  /** A human-readable name; defaults to the class name split into words. */
  String verboseName() default "";

  /** The plural; defaults to verboseName + "s". */
  String verboseNamePlural() default "";

  /** Indexes, composite ones too. */
  Index[] indexes() default {};

  /** Unique constraints over one or more fields. */
  UniqueConstraint[] uniqueConstraints() default {};

  /** Check constraints. */
  CheckConstraint[] checkConstraints() default {};

  /** Sets of fields that are unique together (prefer {@link #uniqueConstraints()}). */
  UniqueTogether[] uniqueTogether() default {};

  /** An abstract model has no table; its fields are inherited by subclasses. */
  boolean isAbstract() default false;

  /** The name of the static manager field used where the ORM needs one (Django's default). */
  String defaultManagerName() default "";

  /** Field names that may never appear in a filter, ordering or values path (for secrets). */
  String[] sensitiveFields() default {};

  /**
   * How many relations a lookup, ordering or values path starting at this model may cross ({@code
   * user__memories__title} crosses two); a longer path is a FieldError. {@code -1}, the default,
   * means {@link io.vibevault.orm.model.ModelMeta#DEFAULT_MAX_RELATION_DEPTH}. Many-to-many join
   * tables do not count.
   */
  int maxRelationDepth() default -1;
}
