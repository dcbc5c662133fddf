-- PostgreSQL twin of sqlite/V3. Exam committees' decisions on exemption dossiers, in the order
-- received, never changed; sealed under the share's token like the presentation.
CREATE TABLE share_decisions (
    id            TEXT    PRIMARY KEY,
    share_id      TEXT    NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    decision_hash TEXT    NOT NULL,
    sealed        BYTEA   NOT NULL,
    received_at   BIGINT  NOT NULL,
    CONSTRAINT share_decisions_number UNIQUE (share_id, number),
    CONSTRAINT share_decisions_decision UNIQUE (share_id, decision_hash)
);
