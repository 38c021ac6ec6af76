package io.vibevault.orm.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Model signals (Django's pre_save, post_save, pre_delete, post_delete), per model class. Bulk
 * operations ({@code QuerySet.update}, {@code bulkCreate}, {@code bulkUpdate}) send none, as in
 * Django.
 *
 * <pre>{@code
 * Signals.postSave(Memory.class, event -> { if (event.created()) queueAnalysis(event.instance()); });
 * }</pre>
 */
public final class Signals {
  /** What a signal receiver is told. */
  public record Event<T extends Model>(T instance, boolean created, String db) {}

  private enum Kind {
    PRE_SAVE,
    POST_SAVE,
    PRE_DELETE,
    POST_DELETE
  }

  private static final Map<Kind, Map<Class<?>, List<Consumer<Event<?>>>>> RECEIVERS =
      new ConcurrentHashMap<>();

  private Signals() {}

  public static <T extends Model> Runnable preSave(Class<T> model, Consumer<Event<T>> receiver) {
    return connect(Kind.PRE_SAVE, model, receiver);
  }

  public static <T extends Model> Runnable postSave(Class<T> model, Consumer<Event<T>> receiver) {
    return connect(Kind.POST_SAVE, model, receiver);
  }

  public static <T extends Model> Runnable preDelete(Class<T> model, Consumer<Event<T>> receiver) {
    return connect(Kind.PRE_DELETE, model, receiver);
  }

  public static <T extends Model> Runnable postDelete(Class<T> model, Consumer<Event<T>> receiver) {
    return connect(Kind.POST_DELETE, model, receiver);
  }

  /** Sends pre_save to the receivers of the instance's class. */
  public static void sendPreSave(Model instance, boolean created, String db) {
    send(Kind.PRE_SAVE, instance, created, db);
  }

  public static void sendPostSave(Model instance, boolean created, String db) {
    send(Kind.POST_SAVE, instance, created, db);
  }

  public static void sendPreDelete(Model instance, String db) {
    send(Kind.PRE_DELETE, instance, false, db);
  }

  public static void sendPostDelete(Model instance, String db) {
    send(Kind.POST_DELETE, instance, false, db);
  }

  /** Whether anyone listens for deletes of this model (a fast delete is possible otherwise). */
  public static boolean hasDeleteReceivers(Class<?> model) {
    return has(Kind.PRE_DELETE, model) || has(Kind.POST_DELETE, model);
  }

  private static boolean has(Kind kind, Class<?> model) {
    List<Consumer<Event<?>>> list = RECEIVERS.getOrDefault(kind, Map.of()).get(model);
    return list != null && !list.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Model> Runnable connect(
      Kind kind, Class<T> model, Consumer<Event<T>> receiver) {
    Consumer<Event<?>> erased = e -> receiver.accept((Event<T>) e);
    RECEIVERS
        .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(model, m -> new CopyOnWriteArrayList<>())
        .add(erased);
    return () -> RECEIVERS.get(kind).get(model).remove(erased);
  }

  private static void send(Kind kind, Model instance, boolean created, String db) {
    List<Consumer<Event<?>>> list = RECEIVERS.getOrDefault(kind, Map.of()).get(instance.getClass());
    if (list == null) {
      return;
    }
    Event<Model> event = new Event<>(instance, created, db);
    for (Consumer<Event<?>> r : list) {
      r.accept(event);
    }
  }
}
