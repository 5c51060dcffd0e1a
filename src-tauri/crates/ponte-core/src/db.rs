//! The SQLite file: opened in WAL mode with foreign keys on, migrated to the latest schema at start.
//! Migrations are embedded .sql files applied in order and tracked in `PRAGMA user_version`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{CoreError, Result};

pub const DB_FILE: &str = "ponte.db";

// Append only: a released migration is never edited, a change is a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_people_settings.sql"),
    include_str!("../migrations/002_integrations.sql"),
    include_str!("../migrations/003_sales.sql"),
    include_str!("../migrations/004_tokens_reminders.sql"),
    include_str!("../migrations/005_forget_reminders.sql"),
    include_str!("../migrations/006_stable_hash_reserved_ids.sql"),
    include_str!("../migrations/007_import_windows.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(i, sql)| match i + 1 {
                6 => M::up_with_hook(sql, |tx: &rusqlite::Transaction<'_>| {
                    crate::sales::rehash_all(tx)?;
                    Ok(())
                }),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// The schema version this build writes.
pub fn latest_version() -> usize {
    MIGRATIONS.len()
}

pub struct Db {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.path).finish()
    }
}

impl Db {
    /// Opens (creating if needed) `ponte.db` in `data_dir` and migrates it.
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_file(&data_dir.join(DB_FILE))
    }

    pub fn open_file(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found = schema_version(&conn)?;
        if found > latest_version() {
            return Err(CoreError::NewerDatabase {
                found,
                supported: latest_version(),
            });
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| CoreError::Migration(e.to_string()))?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<usize> {
        schema_version(&self.conn)
    }
}

/// Where a function that talks to the keyring gets the database from, one short step at a time, so the
/// keyring (which may wait on an unlock prompt) is never called inside an open SQLite transaction nor
/// while the app's shared `Mutex<Db>` is held: every other command and a running import go on meanwhile.
/// A `Db` the caller owns (CLI, tests) and the app's `&Mutex<Db>` both qualify.
pub trait DbAccess {
    /// Runs `f` with the database; a `Mutex` is locked for `f` only.
    fn with<T>(&mut self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T>;
}

impl DbAccess for Db {
    fn with<T>(&mut self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        f(self)
    }
}

impl DbAccess for &Db {
    fn with<T>(&mut self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        f(self)
    }
}

impl<A: DbAccess + ?Sized> DbAccess for &mut A {
    fn with<T>(&mut self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        (**self).with(f)
    }
}

impl DbAccess for &Mutex<Db> {
    fn with<T>(&mut self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        // A poisoned lock means an earlier command panicked mid-way; SQLite's own transactions kept the
        // file consistent, so going on is safe.
        let guard = self.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }
}

/// Hands out the next id of `table` (`integrations`, `api_tokens`: a constant, never user text) before
/// its row is written, so its secrets can be put in the keyring first. One statement, so atomic across
/// threads and processes; never the id of a row that exists, nor one handed out before (since schema 6
/// ids are not reused: a deleted credential's keyring entries or reminders never meet a newcomer).
pub fn reserve_id(db: &Db, table: &str) -> Result<i64> {
    Ok(db.conn().query_row(
        &format!(
            "INSERT INTO id_reservations (tbl, last) VALUES (?1, (SELECT coalesce(max(id), 0) FROM {table}) + 1)
             ON CONFLICT (tbl) DO UPDATE SET last = max(last, (SELECT coalesce(max(id), 0) FROM {table})) + 1
             RETURNING last"
        ),
        [table],
        |r| r.get(0),
    )?)
}

fn schema_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(v.max(0) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn opens_in_wal_with_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let mode: String = db
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let fk: i64 = db
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(fk, 1);
        assert_eq!(db.schema_version().unwrap(), latest_version());
    }

    #[test]
    fn refuses_a_database_from_a_newer_version() {
        let dir = tempfile::tempdir().unwrap();
        drop(Db::open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        drop(conn);
        match Db::open(dir.path()) {
            Err(CoreError::NewerDatabase { found: 999, supported }) => assert_eq!(supported, latest_version()),
            other => panic!("expected NewerDatabase, got {other:?}"),
        }
    }

    #[test]
    fn reopening_keeps_data_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        db.conn()
            .execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])
            .unwrap();
        drop(db);
        let db = Db::open(dir.path()).unwrap();
        let v: String = db
            .conn()
            .query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, "v");
    }

    /// Schema 6 re-hashes every stored sale once (XXH3-128 over the same bytes), so a sale imported before
    /// the upgrade is "unchanged", not "updated", when it comes again.
    #[test]
    fn schema_6_rehashes_stored_sales_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO people (id, kind, name, search_text, created_at, updated_at) VALUES (1, 'company', 'BWT', 'bwt', 'x', 'x');
             INSERT INTO integrations (id, type, description, person_id, field_values, created_at, updated_at)
                 VALUES (7, 'wooba', 'BWT', 1, '{}', 'x', 'x');",
        )
        .unwrap();
        let sale = crate::sales::SupplierSale {
            supplier_sale_id: "INF-1".into(),
            locators: vec!["INF-1".into()],
            sale_date: "2026-11-25".into(),
            sold_at: None,
            status: crate::sales::SaleStatus::Confirmed,
            supplier_status: "CONFIRMED".into(),
            customer_name: None,
            customer_document: None,
            customer_email: None,
            total_cents: 100,
            currency: "BRL".into(),
            products: vec![],
            payments: vec![],
            needs_manual_payment: false,
            raw: r#"{"id":"INF-1","note":"ação \"x\""}"#.into(),
            content_hash: crate::sales::record_hash("wooba-1", "America/Sao_Paulo", r#"{"id":"INF-1"}"#),
        };
        {
            let tx = conn.transaction().unwrap();
            crate::sales::upsert(&tx, 7, &sale).unwrap();
            // As an older Ponte stored it: DefaultHasher's output.
            tx.execute("UPDATE sales SET content_hash = '0123456789abcdef0123456789abcdef'", [])
                .unwrap();
            tx.commit().unwrap();
        }
        drop(conn);
        let mut db = Db::open(dir.path()).unwrap();
        let stored: String = db
            .conn()
            .query_row("SELECT content_hash FROM sales", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, crate::sales::hash_text(&sale.sale_date, &sale.raw));
        let tx = db.conn_mut().transaction().unwrap();
        assert_eq!(
            crate::sales::upsert(&tx, 7, &sale).unwrap(),
            crate::sales::Change::Unchanged
        );
    }
}
