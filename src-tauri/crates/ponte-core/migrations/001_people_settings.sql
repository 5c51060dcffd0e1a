-- Schema 1: application settings and Cadastros > Pessoas.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('company', 'individual')),
    name        TEXT NOT NULL,
    trade_name  TEXT,
    -- CNPJ (company) or CPF (individual) without punctuation, upper-cased.
    document    TEXT,
    email       TEXT,
    phone       TEXT,
    -- Accent- and case-folded name, trade name and document: what search-as-you-type matches.
    search_text TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX people_document ON people (kind, document) WHERE document IS NOT NULL;
CREATE INDEX people_name ON people (name COLLATE NOCASE);
