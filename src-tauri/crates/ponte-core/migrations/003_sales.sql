-- Schema 3: imported sales and the history of import runs.
CREATE TABLE sales (
    id                   INTEGER PRIMARY KEY,
    integration_id       INTEGER NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    supplier_sale_id     TEXT NOT NULL,
    -- Every document code of the sale (reserva, localizadores, voucher), space-separated, exact case.
    locators             TEXT NOT NULL,
    sale_date            TEXT NOT NULL,          -- YYYY-MM-DD in the agency's time zone
    sold_at              TEXT,                   -- RFC 3339 as the supplier sent it
    status               TEXT NOT NULL,          -- confirmed / reserved / cancelled / other
    supplier_status      TEXT NOT NULL,
    customer_name        TEXT,
    customer_document    TEXT,
    customer_email       TEXT,
    total_cents          INTEGER NOT NULL,
    currency             TEXT NOT NULL,
    needs_manual_payment INTEGER NOT NULL DEFAULT 0,
    content_hash         TEXT NOT NULL,
    raw                  TEXT NOT NULL,
    first_imported_at    TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (integration_id, supplier_sale_id)
) STRICT;
CREATE INDEX sales_date ON sales (sale_date DESC, id DESC);
-- "Pagamentos a lançar manualmente": same order as the list, only flagged rows.
CREATE INDEX sales_flagged ON sales (sale_date DESC, id DESC) WHERE needs_manual_payment = 1;

CREATE TABLE sale_products (
    id            INTEGER PRIMARY KEY,
    sale_id       INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,                 -- ProductKind, or 'unmapped'
    supplier_type TEXT NOT NULL,
    locator       TEXT,
    provider      TEXT,
    description   TEXT,
    start_date    TEXT,
    end_date      TEXT,
    amount_cents  INTEGER,
    currency      TEXT
) STRICT;
CREATE INDEX sale_products_sale ON sale_products (sale_id);
CREATE INDEX sale_products_kind ON sale_products (kind, sale_id);

CREATE TABLE sale_passengers (
    id         INTEGER PRIMARY KEY,
    sale_id    INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    product_position INTEGER,
    name       TEXT NOT NULL,
    type       TEXT
) STRICT;
CREATE INDEX sale_passengers_sale ON sale_passengers (sale_id);

CREATE TABLE sale_payments (
    id           INTEGER PRIMARY KEY,
    sale_id      INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    confirmed    INTEGER
) STRICT;
CREATE INDEX sale_payments_sale ON sale_payments (sale_id);

CREATE TABLE import_runs (
    id             INTEGER PRIMARY KEY,
    integration_id INTEGER NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    mode           TEXT NOT NULL,                -- document / dates
    document       TEXT,
    date_from      TEXT,
    date_to        TEXT,
    dry_run        INTEGER NOT NULL DEFAULT 0,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    outcome        TEXT NOT NULL,                -- running / completed / cancelled / failed / interrupted
    pages_done     INTEGER NOT NULL DEFAULT 0,
    pages_total    INTEGER,
    new_count      INTEGER NOT NULL DEFAULT 0,
    updated_count  INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    flagged_count  INTEGER NOT NULL DEFAULT 0,
    unmapped_count INTEGER NOT NULL DEFAULT 0,
    error_count    INTEGER NOT NULL DEFAULT 0,
    error_code     TEXT,
    error_detail   TEXT,
    -- Heartbeat: a 'running' run whose heartbeat is old was interrupted (crash, power cut, kill).
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX import_runs_integration ON import_runs (integration_id, id DESC);

CREATE TABLE import_issues (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
    supplier_sale_id TEXT,
    kind             TEXT NOT NULL,              -- malformed / unmapped
    detail           TEXT NOT NULL
) STRICT;
CREATE INDEX import_issues_run ON import_issues (run_id);
