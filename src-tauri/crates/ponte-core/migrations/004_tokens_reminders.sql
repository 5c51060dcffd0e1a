-- Schema 4: PayTourist Booking users and their API tokens; expiry dates of any credential; reminders.
CREATE TABLE booking_users (
    id             INTEGER PRIMARY KEY,
    integration_id INTEGER NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    software       TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

-- The token itself is in the OS keyring (id token/<id>/value); here only what may be shown.
CREATE TABLE api_tokens (
    id               INTEGER PRIMARY KEY,
    booking_user_id  INTEGER NOT NULL REFERENCES booking_users (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    last4            TEXT NOT NULL,
    created_on       TEXT NOT NULL,          -- YYYY-MM-DD
    expires_on       TEXT NOT NULL,          -- YYYY-MM-DD
    active           INTEGER NOT NULL DEFAULT 0,
    -- The token this one replaces, while a rotation is under way.
    replaces         INTEGER REFERENCES api_tokens (id) ON DELETE SET NULL,
    rotation_step    TEXT,                   -- added / verified / activated / pasted / done
    last_verified_at TEXT,
    last_check       TEXT,                   -- ok / rejected / an error code
    created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (booking_user_id);

-- Expiry of an integration secret (a password the supplier makes expire).
CREATE TABLE secret_expiries (
    integration_id INTEGER NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    field          TEXT NOT NULL,
    expires_on     TEXT NOT NULL,
    PRIMARY KEY (integration_id, field)
) STRICT;

-- Each reminder threshold fires once per credential and expiry date, across restarts.
CREATE TABLE reminders_sent (
    credential TEXT NOT NULL,                -- token:<id> or secret:<integration>:<field>
    expires_on TEXT NOT NULL,
    threshold  INTEGER NOT NULL,             -- days before expiry
    sent_at    TEXT NOT NULL,
    PRIMARY KEY (credential, expires_on, threshold)
) STRICT;
