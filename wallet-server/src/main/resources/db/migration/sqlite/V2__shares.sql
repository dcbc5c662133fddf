-- Share links. The token is never stored: only its SHA-256, and the presentation encrypted under a
-- key derived from it, so a stolen database reveals neither the links nor what they show.
CREATE TABLE shares (
    id          TEXT    PRIMARY KEY,
    account_key TEXT    NOT NULL REFERENCES accounts (public_key) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    nonce       TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    max_views   INTEGER,
    views       INTEGER NOT NULL,
    revoked_at  INTEGER,
    active      INTEGER NOT NULL,
    payload     BLOB
);
CREATE INDEX shares_account ON shares (account_key);

-- When a share was looked at and by what kind of client; no addresses are kept.
CREATE TABLE share_views (
    id          TEXT    PRIMARY KEY,
    share_id    TEXT    NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    viewed_at   INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    browser     TEXT    NOT NULL
);
CREATE INDEX share_views_share ON share_views (share_id);
