-- PostgreSQL twin of sqlite/V1: the same tables, with PostgreSQL's types (BIGINT seconds, BYTEA).
-- Accounts are identified by their account key (Ed25519 public key, base64url); no passwords.
CREATE TABLE accounts (
    public_key  TEXT    PRIMARY KEY,
    created_at  BIGINT  NOT NULL
);

-- Client-side encrypted backup versions: the server stores ciphertext it cannot read.
CREATE TABLE backup_versions (
    id          TEXT    PRIMARY KEY,
    account_key TEXT    NOT NULL REFERENCES accounts (public_key) ON DELETE CASCADE,
    version     BIGINT  NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    sha256      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    ciphertext  BYTEA   NOT NULL,
    CONSTRAINT backup_versions_account_version UNIQUE (account_key, version)
);

-- Nonces of signed requests seen within the time window: a replayed request is refused, by any instance.
CREATE TABLE used_nonces (
    nonce       TEXT    PRIMARY KEY,
    expires_at  BIGINT  NOT NULL
);
CREATE INDEX used_nonces_expiry ON used_nonces (expires_at);

-- Fixed-window counters for rate limits; the key is a hash, never a client address.
CREATE TABLE rate_windows (
    id          TEXT    PRIMARY KEY,
    hits        INTEGER NOT NULL,
    expires_at  BIGINT  NOT NULL
);
CREATE INDEX rate_windows_expiry ON rate_windows (expires_at);
