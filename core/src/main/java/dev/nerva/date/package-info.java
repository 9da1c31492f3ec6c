/** Dates: TIMEX3 normalisation, tense detection and rule-based date detection. */
package dev.nerva.date;
