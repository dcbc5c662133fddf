/**
 * The wallet's keys and secrets (DESIGN.md "Keys and secrets"): the recovery code and the keys
 * HKDF (RFC 5869) derives from it, the holder key as did:jwk, the passphrase KDF (Argon2id,
 * RFC 9106), and the {@link nl.learnerwallet.client.keys.KeyStorage} interface that Android backs
 * with its Keystore.
 */
package nl.learnerwallet.client.keys;
