package io.vibevault.orm.sql;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Relation;
import io.vibevault.orm.model.ReverseRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the field part of a lookup path into relation hops (Django's {@code names_to_path}). Every
 * name is resolved against model metadata; an unknown first name is a {@link FieldError} naming the
 * model and the valid choices, and the names after the last field are returned as lookups and
 * transforms.
 */
final class PathResolver {
  /** What a path resolved to. */
  record Resolved(
      List<PathStep> steps, Field finalField, Field target, ModelMeta opts, List<String> rest) {}

  /** The longest lookup path accepted, so no work grows with a hostile key's length (H-10). */
  static final int MAX_PATH_LENGTH = 4_096;

  /**
   * Paths already split. Filter keys are few and repeat (literals in code), and the names of a kept
   * split keep their hashes for the field, relation and lookup maps they are looked up in next.
   * Bounded in count and in length, so keys from outside (a sort parameter, say) cannot grow it;
   * once full it keeps what it has and splits the rest afresh.
   */
  private static final Map<String, List<String>> SPLITS = new ConcurrentHashMap<>();

  private static final int MAX_SPLITS = 4_096;
  private static final int MAX_KEPT_LENGTH = 256;

  private PathResolver() {}

  /** Splits a path at {@code __}; a path longer than {@link #MAX_PATH_LENGTH} is a FieldError. */
  static List<String> split(String path) {
    if (path.length() > MAX_PATH_LENGTH) {
      throw new FieldError(
          "Lookup path "
              + FieldError.quote(path)
              + " is longer than "
              + MAX_PATH_LENGTH
              + " characters");
    }
    // After the length check: looking a path up hashes all of it (H-10).
    List<String> known = SPLITS.get(path);
    if (known != null) {
      return known;
    }
    // By hand: String.split compiles a regex for a two-character separator, on every filter.
    List<String> parts = new ArrayList<>(4);
    int from = 0;
    for (int at = path.indexOf("__"); at >= 0; at = path.indexOf("__", from)) {
      parts.add(path.substring(from, at));
      from = at + 2;
    }
    parts.add(path.substring(from));
    List<String> names = List.copyOf(parts);
    if (path.length() <= MAX_KEPT_LENGTH && SPLITS.size() < MAX_SPLITS) {
      SPLITS.put(path, names);
    }
    return names;
  }

  static Resolved resolve(ModelMeta start, List<String> names, String original) {
    ModelMeta opts = start;
    List<PathStep> steps = new ArrayList<>();
    Field finalField = null;
    Field target = null;
    int consumed = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty()) {
        throw new FieldError(
            "Invalid lookup path "
                + FieldError.quote(original)
                + " on "
                + start.label()
                + ": empty name between '__'");
      }
      Field field = opts.findField(name);
      if (field != null && opts.isSensitive(field.name())) {
        throw new FieldError(
            "Field "
                + FieldError.quote(field.name())
                + " of "
                + opts.label()
                + " is sensitive and cannot be used in a lookup path");
      }
      ReverseRelation reverse = field == null ? opts.reverseRelation(name) : null;
      if (field == null && reverse == null) {
        if (i == 0 || finalField == null) {
          throw new FieldError(
              "Cannot resolve keyword "
                  + FieldError.quote(name)
                  + " into field of "
                  + opts.label()
                  + ". Choices are: "
                  + String.join(", ", opts.fieldChoices()));
        }
        break;
      }
      consumed = i + 1;
      if (field != null
          && (!field.isRelation()
              || name.equals(field.attname())
                  && field.isConcrete()
                  && !name.equals(field.name()))) {
        // A plain column, or a foreign key named by its attname (userId): no join.
        finalField = field;
        target = field;
        break;
      }
      if (field != null) {
        forward(field, steps);
        finalField = field;
      } else {
        backward(reverse, steps);
        finalField = reverse.field();
      }
      PathStep last = steps.get(steps.size() - 1);
      opts = last.toModel();
      target = last.rhsField();
      if (countHops(steps) > start.maxRelationDepth()) {
        throw new FieldError(
            "Lookup path "
                + FieldError.quote(original)
                + " crosses more than "
                + start.maxRelationDepth()
                + " relations from "
                + start.label()
                + " (@Meta(maxRelationDepth) raises the limit)");
      }
    }
    return new Resolved(steps, finalField, target, opts, names.subList(consumed, names.size()));
  }

  private static int countHops(List<PathStep> steps) {
    int hops = 0;
    for (PathStep s : steps) {
      // The join model of a many-to-many is half of one hop, explicit through models included.
      if (s.via().relation().isManyToMany() && s.toModel() == s.via().relation().through()) {
        continue;
      }
      hops++;
    }
    return hops;
  }

  private static void forward(Field field, List<PathStep> steps) {
    Relation rel = field.relation();
    if (!rel.isManyToMany()) {
      steps.add(
          new PathStep(
              rel.target(), field, rel.targetField(), true, false, field.isNullable(), field));
      return;
    }
    ModelMeta through = rel.through();
    Field source = rel.throughSourceField();
    Field dest = rel.throughTargetField();
    steps.add(
        new PathStep(through, source.relation().targetField(), source, false, true, true, field));
    steps.add(
        new PathStep(rel.target(), dest, dest.relation().targetField(), true, false, false, field));
  }

  private static void backward(ReverseRelation reverse, List<PathStep> steps) {
    Field field = reverse.field();
    Relation rel = field.relation();
    ModelMeta related = field.model();
    if (!rel.isManyToMany()) {
      steps.add(
          new PathStep(
              related, rel.targetField(), field, false, reverse.isMultiValued(), true, field));
      return;
    }
    ModelMeta through = rel.through();
    Field source = rel.throughSourceField();
    Field dest = rel.throughTargetField();
    steps.add(new PathStep(through, dest.relation().targetField(), dest, false, true, true, field));
    steps.add(
        new PathStep(related, source, source.relation().targetField(), true, false, false, field));
  }
}
