/**
 * Internal, not API (see {@link dev.nerva.internal}): the token trie behind {@link
 * dev.nerva.EntityDictionary} and the phrase matching of exclusion lists.
 */
package dev.nerva.internal.dictionary;
