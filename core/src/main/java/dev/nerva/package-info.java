/** Nerva's API: build a {@link dev.nerva.Nerva} pipeline once, call {@code process}, read {@link dev.nerva.Document#entities()}. Value types are immutable records; {@link dev.nerva.Nerva} is thread-safe. */
package dev.nerva;
