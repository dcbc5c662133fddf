/**
 * Work-experience attestation requests: a self-declared entry, signed by the learner's holder key,
 * that an employer checks and signs back as a credential with the issuer toolkit.
 */
package nl.learnerwallet.model.attestation;
