/**
 * The wallet's folder on a JVM device, shared by the command line and the desktop app: where it
 * is ({@code --home}, {@code WALLET_HOME}, {@code ~/.learner-wallet}), the encrypted store in it
 * ({@code wallet.db}, SQLite over JDBC) and the trust list ({@code trust.json}). Android keeps its
 * store in the app's private storage instead.
 */
package nl.learnerwallet.client.home;
