package io.vibevault.orm.model;

/**
 * Implemented by an enum to give a field its choices: each constant is stored by {@link #value()}
 * and shown by {@link #label()}.
 *
 * <pre>{@code
 * public enum MediaType implements Choices {
 *   TEXT("text", "Text"), PHOTO("photo", "Photo"), AUDIO("audio", "Audio");
 *   private final String value, label;
 *   MediaType(String value, String label) { this.value = value; this.label = label; }
 *   public String value() { return value; }
 *   public String label() { return label; }
 * }
 * }</pre>
 */
public interface Choices {
  /** The stored value: a String for text fields, an Integer for integer fields. */
  Object value();

  /** The human-readable label. */
  String label();
}
