package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.execution.RowReader;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.expr.InnerQuery;
import io.vibevault.orm.expr.NamedExpression;
import io.vibevault.orm.expr.SubquerySource;
import io.vibevault.orm.expr.aggregates.Aggregate;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.sql.Combinator;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.Connector;
import io.vibevault.orm.sql.Filter;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.QueryExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What model QuerySets and values QuerySets share: every method that edits the query returns a new
 * QuerySet (the original is untouched), and nothing runs until the rows are needed. The result is
 * cached on the QuerySet that was evaluated, as in Django.
 *
 * @param <R> the row type (a model, a Map, a List, a single value)
 * @param <S> the concrete QuerySet type
 */
public abstract class AbstractQuerySet<R, S extends AbstractQuerySet<R, S>>
    implements Iterable<R>, SubquerySource {
  final ModelMeta meta;
  Query query;
  String alias;
  private List<R> cache;

  AbstractQuerySet(ModelMeta meta, Query query, String alias) {
    this.meta = meta;
    this.query = query;
    this.alias = alias;
  }

  /** A new QuerySet of the same kind over {@code query}. */
  abstract S copyWith(Query query);

  /** How rows of a compiled select are read. */
  abstract RowReader<R> reader(CompiledSelect select, Backend backend, String db);

  /**
   * Set on a QuerySet nobody else holds (one a plain manager makes for a single chained call): its
   * next chained call edits the query in place and returns it instead of copying both.
   */
  private boolean soleOwner;

  /** Marks this QuerySet as held by its caller alone, for one chained call; see {@link #chain}. */
  final S soleOwner() {
    soleOwner = true;
    return self();
  }

  final S chain(java.util.function.Consumer<Query> edit) {
    if (soleOwner) {
      soleOwner = false;
      edit.accept(query);
      return self();
    }
    Query q = query.copy();
    edit.accept(q);
    S next = copyWith(q);
    next.alias = alias;
    return next;
  }

  /** The model's metadata. */
  public ModelMeta meta() {
    return meta;
  }

  /** The database alias this QuerySet reads. */
  public String db() {
    return alias == null ? Database.DEFAULT : alias;
  }

  /** The query description (for the ORM's own layers). */
  public Query queryDescription() {
    return query;
  }

  // ------------------------------------------------------------------ chaining

  /**
   * Keeps rows matching every condition: {@link Q} objects and {@code key, value} pairs ({@code
   * filter("userId", 1, "title__icontains", "beach")}), or maps of them.
   */
  public S filter(Object... conditions) {
    return addFilter(conditions, false);
  }

  /** Keeps rows matching every lookup of the map. */
  public S filter(Map<String, ?> lookups) {
    return addFilter(new Object[] {lookups}, false);
  }

  /** Leaves out rows matching all the conditions together (NOT (a AND b)). */
  public S exclude(Object... conditions) {
    return addFilter(conditions, true);
  }

  public S exclude(Map<String, ?> lookups) {
    return addFilter(new Object[] {lookups}, true);
  }

  private S addFilter(Object[] conditions, boolean negate) {
    notSupportedAfterCombinator(negate ? "exclude" : "filter");
    if (query.isSliced()) {
      throw new ArgumentError("Cannot filter a query once a slice has been taken.");
    }
    Filter condition = new Filter.Node(Connector.AND, negate, Conditions.parse(conditions));
    return chain(q -> q.addFilter(condition));
  }

  /**
   * Orders by field paths ({@code "-createdAt"}, {@code "user__username"}), {@code "?"} for random,
   * or expressions ({@code F.of("x").asc().nullsLast()}). Replaces earlier ordering; with no
   * arguments, clears ordering including the model's default.
   */
  public S orderBy(Object... terms) {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot reorder a query once a slice has been taken.");
    }
    List<Object> list = Arrays.asList(terms);
    return chain(q -> q.setOrdering(list));
  }

  // ------------------------------------------------------------------ annotations

  /**
   * Adds computed values to every row: {@code annotate(Count.of("memories").as("memoryCount"))}. An
   * aggregate makes the query group by the model's columns, or after {@code values(...)} by those
   * values ({@code GROUP BY}); a filter on an aggregate annotation is HAVING. Model rows carry the
   * values ({@code user.annotation("memoryCount", Long.class)}); values() rows carry them as keys.
   * Each name is a plain identifier that shadows no field ({@link
   * io.vibevault.orm.exception.AliasError}).
   */
  public S annotate(NamedExpression... annotations) {
    notSupportedAfterCombinator("annotate");
    List<NamedExpression> list = List.of(annotations);
    return chain(q -> q.addAnnotations(list, true));
  }

  /**
   * Annotates with aggregates under Django's default names ({@code Count.of("memories")} is {@code
   * "memories__count"}).
   */
  public S annotate(Aggregate... aggregates) {
    return annotate(Annotations.defaultNamed(aggregates, "annotate"));
  }

  /** Annotates with name, expression pairs in the map's order. */
  public S annotate(Map<String, ? extends Expression> annotations) {
    return annotate(Annotations.named(annotations));
  }

  /**
   * Like {@link #annotate} but not selected (Django's {@code alias()}): the expression can be used
   * in filter, orderBy and other annotations without being read back.
   */
  public S alias(NamedExpression... aliases) {
    notSupportedAfterCombinator("alias");
    List<NamedExpression> list = List.of(aliases);
    return chain(q -> q.addAnnotations(list, false));
  }

  public S alias(Map<String, ? extends Expression> aliases) {
    return alias(Annotations.named(aliases));
  }

  /**
   * Computes aggregates over the rows, in one query: {@code aggregate(Count.of("id").as("total"),
   * Avg.of("likeCount").as("avg"))}. Over a grouped, distinct or sliced QuerySet the aggregates run
   * over it as a subquery, so {@code annotate(Count.of("memories").as("n")).aggregate(Avg.of("n")
   * .as("avg"))} averages the per-row counts.
   */
  public AggregateResult aggregate(NamedExpression... aggregates) {
    notSupportedAfterCombinator("aggregate");
    return Annotations.aggregate(query, db(), List.of(aggregates));
  }

  /** Aggregates under Django's default keys ({@code Count.of("id")} is {@code "id__count"}). */
  public AggregateResult aggregate(Aggregate... aggregates) {
    return aggregate(Annotations.defaultNamed(aggregates, "aggregate"));
  }

  public AggregateResult aggregate(Map<String, ? extends Expression> aggregates) {
    return aggregate(Annotations.named(aggregates));
  }

  /** This QuerySet as the body of a {@code Subquery} or {@code Exists}. */
  @Override
  public InnerQuery toInnerQuery() {
    return new QueryExpression(query);
  }

  /** Reverses the ordering. */
  public S reverse() {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot reverse a query once a slice has been taken.");
    }
    return chain(Query::reverseOrdering);
  }

  /** SELECT DISTINCT. */
  public S distinct(String... fields) {
    notSupportedAfterCombinator("distinct");
    List<String> list = List.of(fields);
    return chain(q -> q.setDistinct(true, list));
  }

  /** A QuerySet that matches nothing and never queries. */
  public S none() {
    if (query.combinator() != null) {
      // The members are compiled on their own: an empty slice is what empties the whole result.
      return chain(q -> q.setLimits(0L, 0L));
    }
    return chain(q -> q.addFilter(new Filter.Leaf("pk__in", List.of())));
  }

  /** A copy without the result cache (Django's {@code all()}). */
  public S all() {
    return chain(q -> {});
  }

  /** Rows {@code start} (inclusive) to {@code end} (exclusive): LIMIT and OFFSET. */
  public S slice(int start, int end) {
    if (start < 0 || end < 0) {
      throw new ArgumentError("Negative indexing is not supported.");
    }
    return chain(q -> q.setLimits((long) start, (long) end));
  }

  /** Rows from {@code start} on. */
  public S slice(int start) {
    if (start < 0) {
      throw new ArgumentError("Negative indexing is not supported.");
    }
    return chain(q -> q.setLimits((long) start, null));
  }

  /** The row at {@code index} (Django's {@code qs[index]}); IndexOutOfBoundsException if none. */
  public R at(int index) {
    if (index < 0) {
      throw new ArgumentError("Negative indexing is not supported.");
    }
    if (cache != null) {
      return cache.get(index);
    }
    List<R> rows = slice(index, index + 1).list();
    if (rows.isEmpty()) {
      throw new IndexOutOfBoundsException("QuerySet index " + index + " out of range");
    }
    return rows.get(0);
  }

  /** Reads from another database alias. */
  public S using(String databaseAlias) {
    S next = chain(q -> {});
    next.alias = databaseAlias;
    return next;
  }

  /**
   * Locks the selected rows until the end of the transaction ({@code SELECT ... FOR UPDATE}).
   * Evaluating it outside {@code Transaction.atomic} is a TransactionManagementError.
   */
  public S selectForUpdate() {
    notSupportedAfterCombinator("selectForUpdate");
    return chain(q -> q.setSelectForUpdate(false, false, List.of()));
  }

  /** FOR UPDATE NOWAIT: fail at once with LockNotAvailable instead of waiting. */
  public S nowait() {
    notSupportedAfterCombinator("selectForUpdate");
    return chain(q -> q.setSelectForUpdate(true, false, List.of()));
  }

  /** FOR UPDATE SKIP LOCKED: leave out rows other transactions have locked. */
  public S skipLocked() {
    notSupportedAfterCombinator("selectForUpdate");
    return chain(q -> q.setSelectForUpdate(false, true, List.of()));
  }

  /** FOR UPDATE OF the given relations ({@code "self"} for the model's own table). */
  public S selectForUpdateOf(String... relations) {
    notSupportedAfterCombinator("selectForUpdate");
    List<String> of = List.of(relations);
    return chain(q -> q.setSelectForUpdate(false, false, of));
  }

  // ------------------------------------------------------------------ set operations

  /**
   * The rows of this QuerySet and of the others, without duplicates ({@code UNION}). Only orderBy()
   * (by the names of the result's columns), slicing, values()/valuesList(), count() and exists()
   * may follow; anything else is a {@link NotSupportedError}. The columns are this QuerySet's, so
   * the others must select as many, of compatible types.
   *
   * <pre>{@code
   * Memory.objects.filter("userId", 1).valuesList("id").flat()
   *     .union(Memory.objects.filter("likeCount", 149).valuesList("id").flat())
   *     .orderBy("id");
   * }</pre>
   */
  public S union(AbstractQuerySet<?, ?>... others) {
    return combine(Combinator.UNION, false, others);
  }

  /** {@link #union} keeping duplicates ({@code UNION ALL}, Django's {@code all=True}). */
  public S unionAll(AbstractQuerySet<?, ?>... others) {
    return combine(Combinator.UNION, true, others);
  }

  /**
   * The rows found in this QuerySet and in every other one ({@code INTERSECT}); the same rules as
   * {@link #union}. MariaDB needs 10.3+, MySQL 8.0.31+.
   */
  public S intersection(AbstractQuerySet<?, ?>... others) {
    return combine(Combinator.INTERSECTION, false, others);
  }

  /**
   * The rows of this QuerySet found in none of the others ({@code EXCEPT}); the same rules as
   * {@link #union}. MariaDB needs 10.3+, MySQL 8.0.31+.
   */
  public S difference(AbstractQuerySet<?, ?>... others) {
    return combine(Combinator.DIFFERENCE, false, others);
  }

  private S combine(Combinator combinator, boolean all, AbstractQuerySet<?, ?>[] others) {
    List<Query> parts = new ArrayList<>();
    parts.add(query);
    for (AbstractQuerySet<?, ?> other : others) {
      if (other == null) {
        throw new ArgumentError(combinator.method() + "() takes QuerySets, got null");
      }
      parts.add(other.query);
    }
    S next = copyWith(Query.combine(combinator, all, parts));
    next.alias = alias;
    return next;
  }

  /**
   * Refuses {@code method} on a combined QuerySet, before any SQL: its members are compiled on
   * their own, so a filter or an annotation on the result would have nowhere to go.
   */
  final void notSupportedAfterCombinator(String method) {
    Combinator combinator = query.combinator();
    if (combinator != null) {
      throw new NotSupportedError(
          "Calling QuerySet."
              + method
              + "() after "
              + combinator.method()
              + "() is not supported.");
    }
  }

  // ------------------------------------------------------------------ evaluation

  /** Every row, running the query once and caching the result. */
  public List<R> list() {
    if (!cachesResults()) {
      return Collections.unmodifiableList(fetch());
    }
    if (cache == null) {
      cache = Collections.unmodifiableList(fetch());
    }
    return cache;
  }

  /**
   * Whether evaluating keeps the rows. A QuerySet serving as a manager (a shared static field)
   * never does, or it would answer from stale rows forever, as Django's managers never cache.
   */
  boolean cachesResults() {
    return true;
  }

  @Override
  public Iterator<R> iterator() {
    return list().iterator();
  }

  public Stream<R> stream() {
    return list().stream();
  }

  /** Django's {@code len(qs)}: evaluates and counts the rows. */
  public int size() {
    return list().size();
  }

  private List<R> fetch() {
    List<R> rows = QueryRunner.fetch(query, db(), this::listReader);
    afterFetch(rows);
    return rows;
  }

  /**
   * An evaluation like {@link #list()}'s that caches nothing and hands each row to {@code onRow} as
   * it is read, while the row is still in the CPU's caches: prefetchRelated groups thousands of
   * children this way rather than in a second pass over them.
   */
  List<R> fetchEach(Consumer<? super R> onRow) {
    List<R> rows =
        QueryRunner.fetch(
            query,
            db(),
            (select, backend, db) -> {
              RowReader<R> reader = listReader(select, backend, db);
              return rs -> {
                R row = reader.read(rs);
                onRow.accept(row);
                return row;
              };
            });
    afterFetch(rows);
    return rows;
  }

  /** The reader of {@link #list()}'s rows: {@link #reader}, unless a subclass adds to it. */
  RowReader<R> listReader(CompiledSelect select, Backend backend, String db) {
    return reader(select, backend, db);
  }

  /** Runs after the rows of {@link #list()} were read (model QuerySets prefetch here). */
  void afterFetch(List<R> rows) {}

  /** Sets the result as if evaluated (a prefetched relation's rows). */
  final void primeCache(List<R> rows) {
    cache = Collections.unmodifiableList(rows);
  }

  /**
   * Streams rows with constant memory, {@code chunkSize} at a time from the database (PostgreSQL: a
   * cursor; MariaDB: a streaming result). Close it when done.
   */
  public ResultIterator<R> iterator(int chunkSize) {
    if (chunkSize <= 0) {
      throw new ArgumentError("Chunk size must be strictly positive.");
    }
    return QueryRunner.stream(query, db(), chunkSize, this::reader);
  }

  /** SELECT COUNT(*); uses the cache when the QuerySet was already evaluated. */
  public long count() {
    if (cache != null) {
      return cache.size();
    }
    return QueryRunner.count(query, db());
  }

  /** Whether any row matches (SELECT 1 ... LIMIT 1). */
  public boolean exists() {
    if (cache != null) {
      return !cache.isEmpty();
    }
    return QueryRunner.exists(query, db());
  }

  /** The first row by the current ordering (by primary key when unordered). */
  public Optional<R> first() {
    S ordered = query.isOrdered() ? chain(q -> {}) : orderBy("pk");
    if (query.isSliced()) {
      List<R> rows = ordered.list();
      return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }
    List<R> rows = ordered.slice(0, 1).list();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** The last row by the current ordering (by primary key when unordered). */
  public Optional<R> last() {
    if (query.isSliced()) {
      throw new ArgumentError("Cannot reverse a query once a slice has been taken.");
    }
    S reversed = query.isOrdered() ? reverse() : orderBy("-pk");
    List<R> rows = reversed.slice(0, 1).list();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /**
   * The one row matching the conditions (Django's {@code get()}, see {@link GetOne}); {@code
   * ObjectDoesNotExist} or {@code MultipleObjectsReturned} naming {@code model} (null for a model
   * without a Java class).
   */
  final R single(Object[] conditions, Class<?> model) {
    return GetOne.get(self(), conditions, model);
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Whether the query has an ordering (explicit or the model's default). */
  public boolean isOrdered() {
    return query.isOrdered();
  }

  /** The SQL this QuerySet sends, with its parameters shown separately. */
  public Statement query() {
    return QueryRunner.statement(query, db());
  }

  /** The database's plan for this query. */
  public String explain() {
    return explain(Map.of());
  }

  /**
   * The plan with backend options, names and values each checked against the backend's allowlist
   * ({@link ArgumentError} before anything is sent).
   */
  public String explain(Map<String, String> options) {
    return QueryRunner.explain(query, db(), options);
  }

  /** Whether results were fetched and cached. */
  boolean isEvaluated() {
    return cache != null;
  }

  @Override
  public String toString() {
    List<R> rows = slice(0, 21).list();
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(20, rows.size()); i++) {
      shown.add(String.valueOf(rows.get(i)));
    }
    if (rows.size() > 20) {
      shown.add("...(remaining elements truncated)...");
    }
    return "<" + getClass().getSimpleName() + " " + shown + ">";
  }
}
