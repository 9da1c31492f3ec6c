/**
 * Internal, not API (see {@link dev.nerva.internal}): Sentence splitting and Penn-Treebank tokenization with exact character offsets. */
package dev.nerva.internal.tokenize;
