/**
 * VibeVault ORM: Django's ORM for Java. {@link io.vibevault.orm.Database} configures database
 * aliases; models live in {@code model}, QuerySets and managers in {@code query}, expressions in
 * {@code expr}, transactions in {@code transaction}.
 */
package io.vibevault.orm;
