package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.ReverseRelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the joins and columns of selectRelated to a SELECT being compiled (Django's {@code
 * get_related_selections}): each followed relation joins its table (reusing a join a filter made;
 * LEFT OUTER when the foreign key is nullable or the parent join is outer) and appends the related
 * model's loaded columns, depth first, forward relations in field order, then the requested reverse
 * one-to-ones (always LEFT OUTER: the row may have none).
 */
final class RelatedSelections {
  /** How deep the no-argument form follows non-null foreign keys (Django's max_depth). */
  static final int MAX_DEPTH = 5;

  private final Query query;
  private final Compiler compiler;
  private final List<Fragment> select;

  private RelatedSelections(Query query, Compiler compiler, List<Fragment> select) {
    this.query = query;
    this.compiler = compiler;
    this.select = select;
  }

  /** Joins and selects the related models; their columns go after those already in select. */
  static List<RelatedSelect> add(Query query, Compiler compiler, List<Fragment> select) {
    if (!query.hasSelectRelated()) {
      return List.of();
    }
    Map<String, Object> requested = null;
    if (!query.selectRelatedAll) {
      requested = new LinkedHashMap<>();
      for (String path : query.selectRelated) {
        Map<String, Object> level = requested;
        for (String name : PathResolver.split(path)) {
          @SuppressWarnings("unchecked")
          Map<String, Object> next =
              (Map<String, Object>) level.computeIfAbsent(name, k -> new LinkedHashMap<>());
          level = next;
        }
      }
    }
    List<RelatedSelect> out = new ArrayList<>();
    new RelatedSelections(query, compiler, select)
        .descend(query.model(), query.baseAlias(), "", query.loadedFields(), requested, 1, out);
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  private void descend(
      ModelMeta opts,
      String alias,
      String prefix,
      List<Field> loaded,
      Map<String, Object> requested,
      int depth,
      List<RelatedSelect> out) {
    boolean restricted = requested != null;
    if (!restricted && depth > MAX_DEPTH) {
      return;
    }
    for (Field f : opts.concreteFields()) {
      if (!f.isRelation() || f.relation().isManyToMany()) {
        continue;
      }
      if (restricted ? !requested.containsKey(f.name()) : f.isNullable()) {
        continue;
      }
      if (!loaded.contains(f)) {
        if (restricted) {
          throw new FieldError(
              "Field "
                  + opts.label()
                  + "."
                  + f.name()
                  + " cannot be both deferred and traversed using select_related at the same time.");
        }
        continue;
      }
      ModelMeta target = f.relation().target();
      String joined =
          query.aliases.join(
              new Join(
                  target.dbTable(),
                  null,
                  alias,
                  f.column(),
                  f.relation().targetField().column(),
                  Join.Type.INNER,
                  f.isNullable(),
                  false,
                  f),
              null);
      String childPrefix = prefix + f.name() + "__";
      List<Field> fields = query.loadedFields(target, childPrefix);
      int offset = select.size();
      List<SelectColumn> columns = new ArrayList<>();
      for (Field c : fields) {
        select.add(new Col(joined, c).compile(compiler));
        columns.add(new SelectColumn(c.attname(), c, c.kind(), false));
      }
      List<RelatedSelect> children = new ArrayList<>();
      descend(
          target,
          joined,
          childPrefix,
          fields,
          restricted ? (Map<String, Object>) requested.get(f.name()) : null,
          depth + 1,
          children);
      out.add(
          new RelatedSelect(f, target, offset, List.copyOf(columns), List.copyOf(children), false));
    }
    if (!restricted) {
      return; // the no-argument form follows forward foreign keys only (Django's rule)
    }
    for (String name : requested.keySet()) {
      ReverseRelation reverse = reverseOneToOne(opts, name);
      if (reverse == null || opts.findField(name) != null) {
        continue;
      }
      Field fk = reverse.field();
      ModelMeta related = reverse.relatedModel();
      // A reverse one-to-one may find no row: always LEFT OUTER, joined on this model's key.
      String joined =
          query.aliases.join(
              new Join(
                  related.dbTable(),
                  null,
                  alias,
                  fk.relation().targetField().column(),
                  fk.column(),
                  Join.Type.LEFT_OUTER,
                  true,
                  false,
                  fk),
              null);
      String childPrefix = prefix + name + "__";
      List<Field> fields = query.loadedFields(related, childPrefix);
      int offset = select.size();
      List<SelectColumn> columns = new ArrayList<>();
      for (Field c : fields) {
        select.add(new Col(joined, c).compile(compiler));
        columns.add(new SelectColumn(c.attname(), c, c.kind(), false));
      }
      List<RelatedSelect> children = new ArrayList<>();
      descend(
          related,
          joined,
          childPrefix,
          fields,
          (Map<String, Object>) requested.get(name),
          depth + 1,
          children);
      out.add(
          new RelatedSelect(
              fk, related, offset, List.copyOf(columns), List.copyOf(children), true));
    }
  }

  /** The reverse one-to-one named {@code name} on {@code opts}, or null. */
  static ReverseRelation reverseOneToOne(ModelMeta opts, String name) {
    ReverseRelation r = opts.reverseRelation(name);
    return r != null && !r.isMultiValued() && !r.field().relation().isManyToMany() ? r : null;
  }

  /**
   * One selectRelated name checked at {@code opts}: a forward foreign key or one-to-one, or a
   * reverse one-to-one; returns the model reached. Anything else is a FieldError naming the
   * choices, before any SQL.
   */
  static ModelMeta follow(ModelMeta opts, String name) {
    Field f = opts.findField(name);
    if (f != null && f.isRelation() && !f.relation().isManyToMany()) {
      return f.relation().target();
    }
    ReverseRelation reverse = f == null ? reverseOneToOne(opts, name) : null;
    if (reverse != null) {
      return reverse.relatedModel();
    }
    String hint =
        f != null && f.isRelation()
            ? " (many-to-many: use prefetchRelated)"
            : f == null && opts.reverseRelation(name) != null
                ? " (many-valued: use prefetchRelated)"
                : "";
    throw new FieldError(
        (f != null && !f.isRelation()
                ? "Non-relational field given in select_related: "
                : "Invalid field name(s) given in select_related: ")
            + FieldError.quote(name)
            + hint
            + " on "
            + opts.label()
            + ". Choices are: "
            + choices(opts));
  }

  static String choices(ModelMeta opts) {
    List<String> names = new ArrayList<>();
    for (Field f : opts.concreteFields()) {
      if (f.isRelation() && !f.relation().isManyToMany()) {
        names.add(f.name());
      }
    }
    java.util.Set<String> reverse = new java.util.TreeSet<>();
    for (ReverseRelation r : opts.reverseRelations()) {
      if (!r.isMultiValued() && !r.field().relation().isManyToMany()) {
        reverse.add(r.name());
      }
    }
    names.addAll(reverse);
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
