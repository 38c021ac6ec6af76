/**
 * Lookups and transforms (public API for extension): one class per built-in lookup ({@link
 * io.vibevault.orm.lookup.Exact}, {@link io.vibevault.orm.lookup.PatternLookup}, {@link
 * io.vibevault.orm.lookup.In}, ...), date and JSON transforms, and the {@link
 * io.vibevault.orm.lookup.LookupRegistry} where applications register their own. Never imports the
 * QuerySet layer.
 */
package io.vibevault.orm.lookup;
