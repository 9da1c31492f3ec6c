/**
 * Internal, not API (see {@link dev.nerva.internal}): the OpenNLP name finder recognizer, Nerva's faster decoder for OpenNLP maxent
 * name finders, overlap resolution and the merging of rule-based spans.
 */
package dev.nerva.internal.ner;
