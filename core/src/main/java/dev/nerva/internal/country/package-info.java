/**
 * Internal, not API (see {@link dev.nerva.internal}): Sovereign countries: the ISO 3166 table, the resolver that turns places into countries, and the country-name gazetteer. */
package dev.nerva.internal.country;
