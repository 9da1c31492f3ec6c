/**
 * Internal, not API: the package keeps its name because trained model files name its classes
 * (feature generators and artefact serializers), so moving it would break every model. Nerva's own OpenNLP feature generators and model artefacts: word clusters, dictionary features
 * under a name of their own, the gazetteer of training names and part-of-speech tags, needed to
 * load Nerva-trained models, and feature-identical, faster versions of OpenNLP's window, n-gram and dictionary
 * generators, which Nerva's decoder swaps in at run time.
 */
package dev.nerva.ner.features;
