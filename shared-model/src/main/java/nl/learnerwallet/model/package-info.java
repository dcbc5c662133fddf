/**
 * The Learner Wallet credential model: credentials kept as their original bytes with a
 * normalised {@link nl.learnerwallet.model.card.CredentialCard}, their formats, and
 * verification. Pure Java, Android API level 26 safe (checked by animal-sniffer in the build).
 */
package nl.learnerwallet.model;
