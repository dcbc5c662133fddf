/**
 * The {@code wallet} command (picocli): a thin adapter over wallet-client-core that follows the
 * command contract of DESIGN.md — {@code --json} documents, exit codes 0/1/2/3, one-sentence
 * errors on stderr, Dutch or English by locale.
 */
package nl.learnerwallet.cli;
