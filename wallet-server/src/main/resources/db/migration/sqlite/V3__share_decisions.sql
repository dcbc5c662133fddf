-- Exam committees' decisions on exemption dossiers, in the order received, never changed: a later
-- decision follows the latest one. The decision is about the learner, so it is sealed under the
-- share's token like the presentation; its id is kept only as a hash (to enforce the order).
CREATE TABLE share_decisions (
    id            TEXT    PRIMARY KEY,
    share_id      TEXT    NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    decision_hash TEXT    NOT NULL,
    sealed        BLOB    NOT NULL,
    received_at   INTEGER NOT NULL,
    CONSTRAINT share_decisions_number UNIQUE (share_id, number),
    CONSTRAINT share_decisions_decision UNIQUE (share_id, decision_hash)
);
