package io.vibevault.orm.query;

/**
 * What {@code getOrCreate} and {@code updateOrCreate} return: the object and whether it was
 * created.
 *
 * <pre>{@code
 * var got = Tag.objects.getOrCreate(Map.of("name", "work"), Map.of());
 * if (got.created()) log.info("new tag {}", got.object());
 * }</pre>
 */
public record GetOrCreateResult<T>(T object, boolean created) {}
