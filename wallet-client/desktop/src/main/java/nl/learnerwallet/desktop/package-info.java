/**
 * The desktop app (JavaFX 21), a thin adapter over wallet-client-core on the same wallet folder
 * as the {@code wallet} command: the launcher and its options, the one thread that touches the
 * wallet, the window with its menus and status bar, and the app's words in Dutch and English.
 * The screens live in the packages beside this one, one per feature.
 */
package nl.learnerwallet.desktop;
