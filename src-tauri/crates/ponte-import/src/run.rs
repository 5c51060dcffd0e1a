//! The import run: fetch a page (with retries, outside the database lock), write it in one transaction
//! together with the run's progress, report progress, repeat until the last page or a cancel.

use std::sync::Mutex;
use std::time::Instant;

use chrono_tz::Tz;
use ponte_core::db::Db;
use ponte_core::sales::{self, Change};
use ponte_core::secrets::Secrets;
use ponte_core::{CoreError, ErrorReply};
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::{Page, Query, Source, PAGE_SIZE};
use ponte_suppliers::SupplierError;
use serde::Serialize;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

use crate::history::{self, Counts, NewRun, Outcome};
use crate::retry::{self, RetryPolicy};
use crate::{source, ImportError};

/// Preview lists at most this many sales (the counts cover all of them).
pub const PREVIEW_LIMIT: usize = 1000;

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub integration_id: i64,
    pub query: Query,
    pub page_size: u32,
    pub limits: Limits,
    pub retry: RetryPolicy,
}

impl RunOptions {
    pub fn new(integration_id: i64, query: Query) -> Self {
        Self {
            integration_id,
            query,
            page_size: PAGE_SIZE,
            limits: Limits::default(),
            retry: RetryPolicy::default(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Progress {
    #[ts(type = "number | null")]
    pub run_id: Option<i64>,
    pub pages_done: u32,
    pub pages_total: Option<u32>,
    #[ts(type = "number")]
    pub sales_done: u64,
    #[ts(type = "number | null")]
    pub sales_total: Option<u64>,
    pub counts: Counts,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
    #[ts(type = "number | null")]
    pub eta_ms: Option<u64>,
    /// Set while waiting before a retry (seconds), so the window can say why it paused.
    pub retry_in_s: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PreviewItem {
    pub supplier_sale_id: Option<String>,
    pub locators: String,
    pub sale_date: Option<String>,
    pub customer_name: Option<String>,
    #[ts(type = "number | null")]
    pub total_cents: Option<i64>,
    pub currency: Option<String>,
    /// None: the record could not be read (see `problem`).
    pub change: Option<Change>,
    pub flagged: bool,
    pub unmapped: Vec<String>,
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RunSummary {
    /// The recorded run (None for a preview, which writes nothing).
    #[ts(type = "number | null")]
    pub run_id: Option<i64>,
    pub outcome: Outcome,
    pub counts: Counts,
    pub pages: u32,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub error: Option<ErrorReply>,
    /// Preview only: the sales found, up to PREVIEW_LIMIT.
    pub items: Vec<PreviewItem>,
}

fn lock(db: &Mutex<Db>) -> std::sync::MutexGuard<'_, Db> {
    db.lock().unwrap_or_else(|p| p.into_inner())
}

fn describe(q: &Query) -> (&'static str, Option<&str>, Option<String>, Option<String>) {
    match q {
        Query::Document(d) => ("document", Some(d.as_str()), None, None),
        Query::Dates { from, to } => ("dates", None, Some(from.to_string()), Some(to.to_string())),
    }
}

async fn fetch(
    src: &mut Source,
    opts: &RunOptions,
    index: u32,
    tz: Tz,
    cancel: &CancellationToken,
    waiting: &(dyn Fn(u32) + Sync),
) -> Result<Option<Page>, SupplierError> {
    let mut attempt = 0;
    loop {
        match src.page(&opts.query, index, opts.page_size, tz).await {
            Ok(p) => return Ok(Some(p)),
            Err(e) => match retry::delay(&opts.retry, &e, attempt) {
                Some(d) => {
                    log::info!("page {index}: {} — retrying in {} ms", e.code(), d.as_millis());
                    waiting(d.as_secs() as u32);
                    if !retry::wait(d, cancel).await {
                        return Ok(None);
                    }
                    attempt += 1;
                }
                None => return Err(e),
            },
        }
    }
}

struct State {
    counts: Counts,
    pages: u32,
    pages_total: Option<u32>,
    sales_done: u64,
    sales_total: Option<u64>,
    started: Instant,
}

impl State {
    fn progress(&self, run_id: Option<i64>, retry_in_s: Option<u32>) -> Progress {
        let elapsed = self.started.elapsed();
        let eta = self.pages_total.filter(|_| self.pages > 0).map(|t| {
            let per_page = elapsed.as_millis() as u64 / u64::from(self.pages);
            per_page * u64::from(t.saturating_sub(self.pages))
        });
        Progress {
            run_id,
            pages_done: self.pages,
            pages_total: self.pages_total,
            sales_done: self.sales_done,
            sales_total: self.sales_total,
            counts: self.counts,
            elapsed_ms: elapsed.as_millis() as u64,
            eta_ms: eta,
            retry_in_s,
        }
    }
}

/// Writes one page in one transaction (sales + issues + run progress). Returns nothing to undo:
/// either the whole page is in, or none of it.
fn write_page(db: &mut Db, integration_id: i64, run_id: i64, page: &Page, st: &mut State) -> Result<(), CoreError> {
    let tx = db.conn_mut().transaction()?;
    let mut c = st.counts;
    for rec in &page.sales {
        match rec {
            Ok(sale) => {
                match sales::upsert(&tx, integration_id, sale)? {
                    Change::New => c.new += 1,
                    Change::Updated => c.updated += 1,
                    Change::Unchanged => c.unchanged += 1,
                }
                if sale.needs_manual_payment {
                    c.flagged += 1;
                }
                for t in sale.unmapped_types() {
                    c.unmapped += 1;
                    history::issue(&tx, run_id, Some(&sale.supplier_sale_id), "unmapped", t)?;
                }
            }
            Err(bad) => {
                c.errors += 1;
                history::issue(&tx, run_id, bad.supplier_sale_id.as_deref(), "malformed", &bad.detail)?;
            }
        }
    }
    history::progress(&tx, run_id, st.pages + 1, st.pages_total, &c)?;
    tx.commit()?;
    st.counts = c;
    Ok(())
}

fn classify_page(
    db: &Db,
    integration_id: i64,
    page: &Page,
    st: &mut State,
    items: &mut Vec<PreviewItem>,
) -> Result<(), CoreError> {
    for rec in &page.sales {
        let item = match rec {
            Ok(sale) => {
                let change = sales::classify(db.conn(), integration_id, sale)?;
                match change {
                    Change::New => st.counts.new += 1,
                    Change::Updated => st.counts.updated += 1,
                    Change::Unchanged => st.counts.unchanged += 1,
                }
                st.counts.flagged += u32::from(sale.needs_manual_payment);
                let unmapped: Vec<String> = sale.unmapped_types().into_iter().map(String::from).collect();
                st.counts.unmapped += unmapped.len() as u32;
                PreviewItem {
                    supplier_sale_id: Some(sale.supplier_sale_id.clone()),
                    locators: sale.locators.join(" "),
                    sale_date: Some(sale.sale_date.clone()),
                    customer_name: sale.customer_name.clone(),
                    total_cents: Some(sale.total_cents),
                    currency: Some(sale.currency.clone()),
                    change: Some(change),
                    flagged: sale.needs_manual_payment,
                    unmapped,
                    problem: None,
                }
            }
            Err(bad) => {
                st.counts.errors += 1;
                PreviewItem {
                    supplier_sale_id: bad.supplier_sale_id.clone(),
                    locators: String::new(),
                    sale_date: None,
                    customer_name: None,
                    total_cents: None,
                    currency: None,
                    change: None,
                    flagged: false,
                    unmapped: Vec::new(),
                    problem: Some(bad.detail.clone()),
                }
            }
        };
        if items.len() < PREVIEW_LIMIT {
            items.push(item);
        }
    }
    Ok(())
}

/// Shared loop of `run` and `preview`.
async fn drive(
    db: &Mutex<Db>,
    store: &Secrets,
    opts: &RunOptions,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
    dry_run: bool,
) -> Result<RunSummary, ImportError> {
    let (mut src, tz, run_id, _lock) = {
        let g = lock(db);
        let held = if dry_run {
            None
        } else {
            let l = crate::lock::try_take(&g, opts.integration_id)?.ok_or(ImportError::AlreadyRunning)?;
            history::mark_interrupted(&g, opts.integration_id)?;
            Some(l)
        };
        let src = source::open(&g, store, opts.integration_id, opts.limits)?;
        let tz = source::timezone(&g);
        let run_id = if dry_run {
            None
        } else {
            let (mode, document, date_from, date_to) = describe(&opts.query);
            Some(history::start(
                &g,
                &NewRun {
                    integration_id: opts.integration_id,
                    mode,
                    document,
                    date_from,
                    date_to,
                },
            )?)
        };
        (src, tz, run_id, held)
    };
    let mut st = State {
        counts: Counts::default(),
        pages: 0,
        pages_total: None,
        sales_done: 0,
        sales_total: None,
        started: Instant::now(),
    };
    let mut items = Vec::new();
    let finish = |outcome: Outcome, st: &State, items: Vec<PreviewItem>, error: Option<&ImportError>| {
        if let Some(id) = run_id {
            let e = error.map(|e| (e.code(), e.to_string()));
            let g = lock(db);
            history::finish(&g, id, outcome, e.as_ref().map(|(c, d)| (*c, d.as_str())))?;
        }
        Ok::<_, ImportError>(RunSummary {
            run_id,
            outcome,
            counts: st.counts,
            pages: st.pages,
            duration_ms: st.started.elapsed().as_millis() as u64,
            error: error.map(ImportError::reply),
            items,
        })
    };
    loop {
        if cancel.is_cancelled() {
            return finish(Outcome::Cancelled, &st, items, None);
        }
        let waiting = |s: u32| on_progress(&st_progress_snapshot(run_id, &st, s));
        let page = match fetch(&mut src, opts, st.pages, tz, cancel, &waiting).await {
            Ok(Some(p)) => p,
            Ok(None) => return finish(Outcome::Cancelled, &st, items, None),
            Err(e) => {
                let err = ImportError::Supplier(e);
                log::warn!("import failed: {}", err.code());
                return finish(Outcome::Failed, &st, items, Some(&err));
            }
        };
        st.pages_total = page.total_pages.or(st.pages_total);
        st.sales_total = page.total_records.or(st.sales_total);
        let written = {
            let mut g = lock(db);
            match run_id {
                Some(id) => write_page(&mut g, opts.integration_id, id, &page, &mut st),
                None => classify_page(&g, opts.integration_id, &page, &mut st, &mut items),
            }
        };
        if let Err(e) = written {
            let err = ImportError::Core(e);
            return finish(Outcome::Failed, &st, items, Some(&err));
        }
        st.pages += 1;
        st.sales_done += page.sales.len() as u64;
        on_progress(&st.progress(run_id, None));
        if page.last {
            return finish(Outcome::Completed, &st, items, None);
        }
    }
}

fn st_progress_snapshot(run_id: Option<i64>, st: &State, retry_in_s: u32) -> Progress {
    st.progress(run_id, Some(retry_in_s))
}

/// Imports and records a run. Errors before the run starts (integration missing or disabled, keyring
/// locked, another run live) are `Err`; anything after is in the summary's outcome and error.
pub async fn run(
    db: &Mutex<Db>,
    store: &Secrets,
    opts: &RunOptions,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
) -> Result<RunSummary, ImportError> {
    drive(db, store, opts, cancel, on_progress, false).await
}

/// Fetches everything the run would, classifies it against the database, writes nothing.
pub async fn preview(
    db: &Mutex<Db>,
    store: &Secrets,
    opts: &RunOptions,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
) -> Result<RunSummary, ImportError> {
    drive(db, store, opts, cancel, on_progress, true).await
}
