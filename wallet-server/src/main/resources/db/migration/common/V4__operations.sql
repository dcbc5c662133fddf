-- Portable SQL (SQLite and PostgreSQL alike): from here on one migration serves both databases.
-- An operator can suspend an account (its requests are refused) and take a share down (its page
-- says so); every such act is recorded with its reason in admin_actions, which retention never
-- touches.
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT;
ALTER TABLE shares ADD COLUMN taken_down_at BIGINT;

CREATE TABLE admin_actions (
    id          TEXT    PRIMARY KEY,
    acted_at    BIGINT  NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    operator    TEXT    NOT NULL
);
CREATE INDEX admin_actions_subject ON admin_actions (subject);

-- What the retention job deletes by age.
CREATE INDEX share_views_viewed ON share_views (viewed_at);
CREATE INDEX shares_expiry ON shares (expires_at);
CREATE INDEX backup_versions_created ON backup_versions (created_at);
