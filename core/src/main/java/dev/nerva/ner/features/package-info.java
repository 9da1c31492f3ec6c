/** Nerva's own OpenNLP feature generators and model artefacts (word clusters), needed to load Nerva-trained models. */
package dev.nerva.ner.features;
