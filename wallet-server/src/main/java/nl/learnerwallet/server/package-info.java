/**
 * wallet-server, a Micronaut 4 application. It depends on shared-model, never on the client.
 * Packages by feature (account, backup, share, page) arrive with their issues; this one holds the
 * application's entry point.
 */
package nl.learnerwallet.server;
