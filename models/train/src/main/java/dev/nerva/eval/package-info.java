/** Evaluation: exact-span scores on gold tokens and on detokenized raw text. */
package dev.nerva.eval;
