/**
 * Internal: the pretrained encoder (all-MiniLM-L6-v2 through ONNX Runtime) and the tagging layer
 * behind {@code Nerva.englishAccurate()}. Not API; use {@code dev.nerva.Nerva}.
 */
package dev.nerva.internal.encoder;
