/**
 * Internal, not API: the named steps a {@link dev.nerva.Nerva} pipeline runs over each document
 * (recognizers, rule merges, name clean-up, country resolution, overlap resolution, output
 * filter, date values). A new capability is a new step.
 */
package dev.nerva.internal.pipeline;
