/** Sentence splitting and Penn-Treebank tokenization with exact character offsets. */
package dev.nerva.tokenize;
