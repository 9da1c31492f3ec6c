/**
 * Internal, not API: the implementation behind {@link dev.nerva.Nerva}. Everything under {@code
 * dev.nerva.internal} may change in any release without notice; it is public only so that Nerva's
 * own modules (training, evaluation) can reach it.
 */
package dev.nerva.internal;
