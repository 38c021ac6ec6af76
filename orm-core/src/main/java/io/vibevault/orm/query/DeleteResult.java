package io.vibevault.orm.query;

import java.util.Map;

/**
 * What a delete removed: the total number of rows and the count per model label ({@code
 * vault.Memory}), as Django's {@code delete()} returns.
 *
 * <pre>{@code
 * DeleteResult r = Memory.objects.filter("user", user).delete();
 * r.total(); r.perModel().get("vault.Memory");
 * }</pre>
 */
public record DeleteResult(long total, Map<String, Long> perModel) {}
