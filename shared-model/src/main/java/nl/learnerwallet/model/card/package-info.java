/**
 * The credential card: kind, the EU standard elements of the Council Recommendation of
 * 16 June 2022 on micro-credentials (Annex I), study load, level and validity, and the
 * completeness check of the mandatory elements.
 */
package nl.learnerwallet.model.card;
