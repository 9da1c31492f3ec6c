/** Training: the OntoNotes reader, recipes, the name finder trainer, word clustering and the {@code ModelsCommand} command line. */
package dev.nerva.train;
