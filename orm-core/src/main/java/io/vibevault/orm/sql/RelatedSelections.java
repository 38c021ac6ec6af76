package io.vibevault.orm.sql;

import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.Col;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the joins and columns of selectRelated to a SELECT being compiled (Django's {@code
 * get_related_selections}): each followed relation joins its table (reusing a join a filter made;
 * LEFT OUTER when the foreign key is nullable or the parent join is outer) and appends the related
 * model's loaded columns, depth first, in field order.
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
          query.join(
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
      out.add(new RelatedSelect(f, target, offset, List.copyOf(columns), List.copyOf(children)));
    }
  }
}
