/**
 * Entity recognizers (OpenNLP name finders, your own), Nerva's faster decoder for OpenNLP maxent
 * name finders, overlap resolution and the merging of rule-based spans.
 */
package dev.nerva.ner;
