/**
 * The typed exceptions of the ORM (public API). Every driver {@code SQLException} reaches callers
 * wrapped in a {@link io.vibevault.orm.exception.DatabaseError} subclass with the original as its
 * cause; misuse of the API raises {@link io.vibevault.orm.exception.FieldError}, {@link
 * io.vibevault.orm.exception.ArgumentError} or {@link io.vibevault.orm.exception.ValidationError}
 * before any SQL is sent.
 */
package io.vibevault.orm.exception;
