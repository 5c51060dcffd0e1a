-- Schema 2: Cadastros > Integrações. Secrets are NOT here: only which secret fields are set.
CREATE TABLE integrations (
    id              INTEGER PRIMARY KEY,
    type            TEXT NOT NULL,
    description     TEXT NOT NULL,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    -- Non-secret field values, JSON object {key: value}.
    field_values    TEXT NOT NULL,
    -- JSON array of the secret field keys that have a value in the OS keyring.
    secrets_set     TEXT NOT NULL DEFAULT '[]',
    enabled         INTEGER NOT NULL DEFAULT 1,
    last_test_at    TEXT,
    last_test_ok    INTEGER,
    last_test_code  TEXT,
    last_success_at TEXT,
    last_import_at  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX integrations_description ON integrations (type, lower(description));
CREATE INDEX integrations_person ON integrations (person_id);
