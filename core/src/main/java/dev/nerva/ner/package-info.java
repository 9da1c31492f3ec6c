/** Entity recognizers (OpenNLP name finders, your own), overlap resolution and the merging of rule-based spans. */
package dev.nerva.ner;
