/**
 * Getting into the wallet: unlocking it with the passphrase (which {@code WALLET_PASSPHRASE} may
 * give, as to the command line), setting a new passphrase with the recovery code, and for a folder
 * without a wallet, making a new one (its recovery code shown once) or restoring one from the
 * wallet server's end-to-end encrypted backup with the recovery code.
 */
package nl.learnerwallet.desktop.unlock;
