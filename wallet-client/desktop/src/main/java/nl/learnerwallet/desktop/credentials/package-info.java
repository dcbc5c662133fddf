/**
 * The learner's credentials on screen: the overview grouped by kind (microcredentials, badges,
 * extra-curricular badges, diplomas, work experience) with search and filters, and the detail of
 * one credential — its card, the EU standard elements for micro-credentials (Council
 * Recommendation of 16 June 2022, Annex I) with what is missing, and the named checks of its
 * verification report.
 */
package nl.learnerwallet.desktop.credentials;
