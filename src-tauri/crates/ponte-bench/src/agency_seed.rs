//! What an agency's Ponte holds after a while, written straight in SQL (fast, and not what is measured):
//! a company, two integrations (the Infotravel one failing its connection test), sales over two years, a
//! booking user with its tokens, import runs (the latest failed). Início reads all of it; the Início and
//! start-up sections seed it at their own sizes.

use ponte_core::db::Db;

pub struct Agency {
    pub sales: usize,
    /// One sale in this many is flagged for manual payment.
    pub flagged_every: usize,
    pub tokens: usize,
    /// Token `i` expires in `(i * expiry_step) % expiry_span` days.
    pub expiry_step: usize,
    pub expiry_span: usize,
    pub runs: usize,
}

pub fn seed(db: &Db, a: &Agency) -> rusqlite::Result<()> {
    let Agency {
        sales,
        flagged_every,
        tokens,
        expiry_step,
        expiry_span,
        runs,
    } = a;
    db.conn().execute_batch(&format!(
        "INSERT INTO people (kind, name, search_text, created_at, updated_at) VALUES ('company', 'BWT', 'bwt', '', '');
         INSERT INTO integrations (type, description, person_id, field_values, last_test_ok, last_test_code, created_at, updated_at)
             VALUES ('infotravel', 'bench', 1, '{{}}', 0, 'invalid_credentials', '', ''),
                    ('paytourist', 'hotel', 1, '{{}}', 1, NULL, '', '');
         BEGIN;
         WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {sales})
         INSERT INTO sales (integration_id, supplier_sale_id, locators, sale_date, status, supplier_status,
             customer_name, total_cents, currency, needs_manual_payment, content_hash, raw, first_imported_at, updated_at)
         SELECT 1, i, 'L' || i, date('now', '-' || (i % 730) || ' days'), 'confirmed', 'CONFIRMED',
             'Cliente ' || i, i * 7, 'BRL', i % {flagged_every} = 0, '', '{{}}', '', '' FROM k;
         INSERT INTO booking_users (integration_id, name, email, created_at, updated_at)
             VALUES (2, 'Booking', 'b@hotel.it', '', '');
         WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {tokens})
         INSERT INTO api_tokens (booking_user_id, name, last4, created_on, expires_on, created_at)
         SELECT 1, 'T' || i, 'abcd', date('now', '-100 days'),
             date('now', '+' || ((i * {expiry_step}) % {expiry_span}) || ' days'), '' FROM k;
         WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {runs})
         INSERT INTO import_runs (integration_id, mode, started_at, outcome, error_code, updated_at)
         SELECT 1, 'dates', datetime('now', '-' || i || ' days'), CASE WHEN i = 1 THEN 'failed' ELSE 'completed' END,
                CASE WHEN i = 1 THEN 'server_error' END, '' FROM k;
         COMMIT;
         ANALYZE;"
    ))
}
