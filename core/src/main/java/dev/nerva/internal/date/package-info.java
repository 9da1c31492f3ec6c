/**
 * Internal, not API (see {@link dev.nerva.internal}): Dates: TIMEX3 normalisation, tense detection and rule-based date detection. */
package dev.nerva.internal.date;
