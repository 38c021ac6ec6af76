package io.vibevault.orm.query;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.model.Model;

/**
 * One {@link QuerySet#prefetchRelated} lookup with a custom QuerySet and/or a different attribute
 * to store the result in (Django's {@code Prefetch}).
 *
 * <pre>{@code
 * User.objects.prefetchRelated(
 *     Prefetch.of("memories", Memory.objects.filter("mediaType", "photo"), "photos"));
 * List<Memory> photos = user.prefetched("photos");
 * }</pre>
 */
public final class Prefetch {
  private final String path;
  private final QuerySet<? extends Model> queryset;
  private final String toAttr;

  private Prefetch(String path, QuerySet<? extends Model> queryset, String toAttr) {
    if (path == null || path.isEmpty()) {
      throw new ArgumentError("Prefetch needs a lookup path");
    }
    if (toAttr != null && (toAttr.isEmpty() || toAttr.contains("__"))) {
      throw new ArgumentError("Prefetch toAttr must be a plain name, got '" + toAttr + "'");
    }
    if (queryset != null && queryset.queryDescription().isSliced()) {
      throw new ArgumentError("Prefetch querysets cannot be sliced.");
    }
    this.path = path;
    this.queryset = queryset;
    this.toAttr = toAttr;
  }

  /** A plain lookup, the same as passing the string to {@code prefetchRelated}. */
  public static Prefetch of(String path) {
    return new Prefetch(path, null, null);
  }

  /** The last level of {@code path} loaded with {@code queryset} (its filters, order, only). */
  public static Prefetch of(String path, QuerySet<? extends Model> queryset) {
    return new Prefetch(path, queryset, null);
  }

  /**
   * As {@link #of(String, QuerySet)}, the list stored under {@code toAttr} instead of the relation
   * name: read it with {@code model.prefetched(toAttr)} (also shown as an annotation).
   */
  public static Prefetch of(String path, QuerySet<? extends Model> queryset, String toAttr) {
    return new Prefetch(path, queryset, toAttr);
  }

  /** The lookup path ({@code "memories__tags"}). */
  public String path() {
    return path;
  }

  /** The custom QuerySet of the last level, or null. */
  public QuerySet<? extends Model> queryset() {
    return queryset;
  }

  /** The attribute the last level is stored under instead of the relation name, or null. */
  public String toAttr() {
    return toAttr;
  }

  /** The path under which the result is stored: the path with its last name replaced by toAttr. */
  String prefetchTo() {
    if (toAttr == null) {
      return path;
    }
    int cut = path.lastIndexOf("__");
    return cut < 0 ? toAttr : path.substring(0, cut + 2) + toAttr;
  }

  @Override
  public String toString() {
    return "Prefetch(" + path + (toAttr == null ? "" : ", toAttr=" + toAttr) + ")";
  }
}
