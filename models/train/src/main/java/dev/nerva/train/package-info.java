/**
 * Training: the OntoNotes reader, recipes, the name finder trainer, Nerva's SGD maxent trainer
 * (an alternative to OpenNLP's GIS that writes GIS models), word clustering and the {@code
 * ModelsCommand} command line.
 */
package dev.nerva.train;
