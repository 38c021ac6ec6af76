package io.vibevault.orm.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the values of several plain fields (not relations) into an instance with one method-handle
 * call: a row reader calls it once per row instead of {@link Field#set} once per column. Each
 * {@code invokeExact} of a handle that is not a constant is an indirect call the JIT cannot inline
 * into its caller; here there is one such call per row, and the setters below it are constants the
 * JIT can compile together (in a loop setting a memory's eleven plain fields: about 19 ns per row
 * against 35 ns for eleven {@code Field.set} calls).
 *
 * <pre>{@code
 * FieldWriter writer = ModelInternals.fieldWriter(meta, new Field[] {title, likeCount});
 * writer.write(instance, new Object[] {"Beach day", 3}); // title, likeCount
 * }</pre>
 */
public final class FieldWriter {
  private static final MethodType TYPE =
      MethodType.methodType(void.class, Model.class, Object[].class);

  private final Field[] fields;
  private final int[] primitives;

  /** (Model, Object[])void; null when the writer sets each field through {@link Field#set}. */
  private final MethodHandle all;

  /** Field lists per model whose writers are kept. */
  static final int MAX_PER_MODEL = 64;

  /**
   * {@code receiver}: the class of the instances written, or null to set each field through {@link
   * Field#set}.
   */
  private FieldWriter(Field[] fields, Class<?> receiver) {
    this.fields = fields.clone();
    List<Integer> primitive = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      if (!f.isWritableDirectly()) {
        throw new IllegalArgumentException(f + " is not a plain settable field");
      }
      if (f.javaType().isPrimitive()) {
        primitive.add(i);
      }
    }
    this.primitives = primitive.stream().mapToInt(Integer::intValue).toArray();
    this.all = receiver == null ? null : combined(receiver, fields);
  }

  /**
   * One handle (Model, Object[])void over the fields' own setters: the array is spread into
   * arguments of the fields' types at its root, where the casts from Object are made; below, a
   * balanced tree of the setters, each taking its argument as it is. Null when there is no such
   * handle (a field of another class hierarchy, or more fields than a method handle takes
   * arguments).
   */
  private static MethodHandle combined(Class<?> receiver, Field[] fields) {
    int n = fields.length;
    if (n == 0) {
      return MethodHandles.empty(TYPE);
    }
    Class<?>[] types = new Class<?>[n + 1];
    types[0] = receiver;
    MethodHandle[] exact = new MethodHandle[n];
    for (int i = 0; i < n; i++) {
      exact[i] = fields[i].exactSetter();
      if (!exact[i].type().parameterType(0).isAssignableFrom(receiver)) {
        return null;
      }
      types[i + 1] = exact[i].type().parameterType(1);
    }
    try {
      MethodType tree = MethodType.methodType(void.class, types);
      List<MethodHandle> leaves = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        MethodHandle own =
            exact[i].asType(MethodType.methodType(void.class, receiver, types[i + 1]));
        leaves.add(MethodHandles.permuteArguments(own, tree, 0, i + 1));
      }
      return sequence(leaves, 0, n).asSpreader(Object[].class, n).asType(TYPE);
    } catch (IllegalArgumentException tooManyArguments) {
      return null;
    }
  }

  /**
   * The writer of these fields of {@code meta}'s instances, made once per list of fields: a new
   * handle tree is compiled anew by the JIT once called often enough, which a writer per query
   * would pay on every query. Past {@link #MAX_PER_MODEL} lists (a program building many different
   * only()/defer() shapes), writers are not kept and set each field on its own.
   */
  static FieldWriter of(ModelMeta meta, Field[] fields) {
    List<Field> key = List.of(fields);
    FieldWriter w = meta.fieldWriters.get(key);
    if (w != null) {
      return w;
    }
    if (meta.fieldWriters.size() >= MAX_PER_MODEL || meta.modelClass() == null) {
      return new FieldWriter(fields, null);
    }
    return meta.fieldWriters.computeIfAbsent(key, k -> new FieldWriter(fields, meta.modelClass()));
  }

  /**
   * The setters {@code from} (inclusive) to {@code to}, in order, as a balanced tree: its depth
   * grows with the logarithm of the number of fields, a chain's with the number, and the JIT stops
   * inlining past a nesting depth.
   */
  private static MethodHandle sequence(List<MethodHandle> setters, int from, int to) {
    if (to - from == 1) {
      return setters.get(from);
    }
    int mid = (from + to) >>> 1;
    return MethodHandles.foldArguments(sequence(setters, mid, to), sequence(setters, from, mid));
  }

  /** How many fields it writes: the length of the values {@link #write} takes. */
  public int size() {
    return fields.length;
  }

  /**
   * Sets field {@code i} to {@code values[i]}, each already converted to the field's Java type, as
   * {@link Field#set} would; then clears {@code values}, a scratch array reused for the next row,
   * so that it does not keep the row's values alive.
   */
  public void write(Model instance, Object[] values) {
    if (all == null) {
      try {
        for (int i = 0; i < fields.length; i++) {
          fields[i].set(instance, values[i]);
        }
      } finally {
        Arrays.fill(values, null);
      }
      return;
    }
    try {
      for (int i : primitives) {
        if (values[i] == null) {
          fields[i].set(instance, null); // raises the primitive-cannot-hold-NULL error
        }
      }
      all.invokeExact(instance, values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    } finally {
      Arrays.fill(values, null);
    }
  }
}
