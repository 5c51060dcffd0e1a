//! The import run: fetch a page (with retries, outside the database lock), write it in one transaction
//! together with the run's progress, report progress, repeat until the last page or a cancel.

use std::sync::Mutex;
use std::time::Instant;

use ponte_core::db::Db;
use ponte_core::sales::{self, Change, Known, SupplierSale};
use ponte_core::secrets::Secrets;
use ponte_core::zone::Zone;
use ponte_core::{CoreError, ErrorReply};
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::{BadRecord, Page, Query, Source, PAGE_SIZE};
use ponte_suppliers::SupplierError;
use serde::Serialize;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

use crate::history::{self, Counts, NewRun, Outcome};
use crate::retry::{self, RetryPolicy};
use crate::{source, ImportError};

/// Preview lists at most this many sales (the counts cover all of them).
pub const PREVIEW_LIMIT: usize = 1000;

/// Most pages one run fetches, whatever the supplier says: a supplier that keeps saying there is more
/// ends the run with [`SupplierError::EndlessPages`].
pub const MAX_PAGES: u32 = 10_000;

/// Timeouts one page may cost before the run fails (each one lasts a whole request's time limit).
pub const MAX_TIMEOUTS_PER_PAGE: u32 = 2;

/// Bounds a run's pages: at most [`MAX_PAGES`], and at most a little more than the supplier's first
/// count (its total of pages, or of records over the page size) — a total that keeps growing does not
/// move the bound. A page holding exactly the previous page's sales again makes no progress: it ends
/// the run too.
struct PageGuard {
    limit: Option<u32>,
    previous: Option<u64>,
}

impl PageGuard {
    fn new() -> Self {
        Self {
            limit: None,
            previous: None,
        }
    }

    /// Checks the page just fetched (`fetched` pages so far, this one included).
    fn check(&mut self, page: &Page, fetched: u32, page_size: u32) -> Result<(), SupplierError> {
        let limit = *self.limit.get_or_insert_with(|| {
            let counted = page
                .total_pages
                .map(u64::from)
                .or_else(|| page.total_records.map(|n| n.div_ceil(u64::from(page_size.max(1)))));
            counted
                .map(|t| t.saturating_add(t / 10).saturating_add(10))
                .unwrap_or(u64::MAX)
                .min(u64::from(MAX_PAGES)) as u32
        });
        let endless = SupplierError::EndlessPages { pages: fetched };
        if !page.last && fetched >= limit {
            return Err(endless);
        }
        let print = fingerprint(page);
        if print.is_some() && self.previous == print {
            return Err(endless);
        }
        self.previous = print;
        Ok(())
    }
}

/// Which records a page holds, by their ids, to notice a page sent again (within one run, so the
/// hasher need not be stable across releases). `None` when no record has an id to tell them apart.
fn fingerprint(page: &Page) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut ids = 0;
    for rec in &page.records {
        ids += usize::from(rec.id.is_some());
        rec.id.hash(&mut h);
    }
    (ids > 0).then(|| h.finish())
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub integration_id: i64,
    pub query: Query,
    pub page_size: u32,
    pub limits: Limits,
    pub retry: RetryPolicy,
    /// Days per window of a date range (None: the integration's setting, [`crate::windows::get`]).
    pub window_days: Option<u32>,
    /// Continue this stopped run: its range and window size, from its first unfinished window
    /// (`query` and `window_days` are then not used).
    pub resume: Option<i64>,
}

impl RunOptions {
    pub fn new(integration_id: i64, query: Query) -> Self {
        Self {
            integration_id,
            query,
            page_size: PAGE_SIZE,
            limits: Limits::default(),
            retry: RetryPolicy::default(),
            window_days: None,
            resume: None,
        }
    }

    /// Continues run `run_id` of `integration_id` (see [`ImportRun::resumable`]).
    pub fn resume(integration_id: i64, run_id: i64) -> Self {
        Self {
            resume: Some(run_id),
            ..Self::new(integration_id, Query::Document(String::new()))
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
    /// Windows of the date range written (from the range's start, a continued run's included).
    pub windows_done: u32,
    /// Windows in the date range (None: a document).
    pub windows_total: Option<u32>,
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
    /// It stopped before its last window: it can be continued (`import_resume` with `run_id`).
    pub resumable: bool,
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
    query: &Query,
    index: u32,
    tz: Zone,
    cancel: &CancellationToken,
    waiting: &(dyn Fn(u32) + Sync),
) -> Result<Option<Page>, SupplierError> {
    let mut attempt = 0;
    let mut timeouts = 0;
    loop {
        let attempt_result = tokio::select! {
            r = src.page(query, index, opts.page_size, tz) => r,
            _ = cancel.cancelled() => return Ok(None),
        };
        // Each timeout already cost a whole request's time limit: a page gets two, no more, so a supplier
        // that stopped answering (or drips its reply) ends the run in about two limits.
        if let Err(e @ SupplierError::Timeout { .. }) = &attempt_result {
            timeouts += 1;
            if timeouts >= MAX_TIMEOUTS_PER_PAGE {
                return Err(e.clone());
            }
        }
        match attempt_result {
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
    windows_done: u32,
    windows_total: Option<u32>,
    /// Windows already written when this run started (a continued run).
    first_window: u32,
}

impl State {
    fn progress(&self, run_id: Option<i64>, retry_in_s: Option<u32>) -> Progress {
        let elapsed = self.started.elapsed();
        let ms = elapsed.as_millis() as u64;
        let eta = match self.windows_total {
            // Several windows: by the windows this run wrote (each window's pages are unknown ahead).
            Some(total) if total > 1 => {
                let done = self.windows_done.saturating_sub(self.first_window);
                (done > 0).then(|| ms / u64::from(done) * u64::from(total.saturating_sub(self.windows_done)))
            }
            _ => self
                .pages_total
                .filter(|_| self.pages > 0)
                .map(|t| ms / u64::from(self.pages) * u64::from(t.saturating_sub(self.pages))),
        };
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
            windows_done: self.windows_done,
            windows_total: self.windows_total,
        }
    }
}

/// A record of a page, ready to be written.
enum Item {
    /// Mapped: new, or changed since it was stored (boxed: most items of a re-import are unchanged).
    Sale(Box<SupplierSale>),
    /// Its hash is the stored one: skipped unread (what the run reports of it comes from the database).
    Unchanged(String, Known),
    Bad(BadRecord),
}

/// A page's records for the writer: a record whose hash equals its stored sale's is not mapped; the
/// others are. One query per page reads the stored hashes (the writer checks each sale again when it
/// writes it, so a sale stored since — twice on one page — is still counted once).
fn prepare(db: &Mutex<Db>, integration_id: i64, mut page: Page) -> Result<Vec<Item>, CoreError> {
    let records = std::mem::take(&mut page.records);
    let ids: Vec<&str> = records.iter().filter_map(|r| r.id.as_deref()).collect();
    let mut stored = sales::known(lock(db).conn(), integration_id, &ids)?;
    Ok(records
        .into_iter()
        .map(|rec| {
            let same = rec
                .id
                .as_ref()
                .and_then(|id| stored.get(id))
                .is_some_and(|k| k.content_hash == page.hash(&rec));
            match rec.id.as_ref().filter(|_| same).and_then(|id| stored.remove_entry(id)) {
                Some((id, known)) => Item::Unchanged(id, known),
                None => match page.map(rec) {
                    Ok(sale) => Item::Sale(Box::new(sale)),
                    Err(bad) => Item::Bad(bad),
                },
            }
        })
        .collect())
}

/// Writes one page in one transaction (sales + issues + run progress). Returns nothing to undo:
/// either the whole page is in, or none of it.
fn write_page(
    db: &mut Db,
    integration_id: i64,
    run_id: i64,
    (items, pages_total, window_done): &ToWrite,
    counts: &mut Counts,
    pages_done: u32,
) -> Result<(), CoreError> {
    let tx = db.conn_mut().transaction()?;
    let mut c = *counts;
    for item in items {
        match item {
            Item::Sale(sale) => {
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
            Item::Unchanged(id, known) => {
                c.unchanged += 1;
                c.flagged += u32::from(known.needs_manual_payment);
                for t in &known.unmapped {
                    c.unmapped += 1;
                    history::issue(&tx, run_id, Some(id), "unmapped", t)?;
                }
            }
            Item::Bad(bad) => {
                c.errors += 1;
                history::issue(&tx, run_id, bad.supplier_sale_id.as_deref(), "malformed", &bad.detail)?;
            }
        }
    }
    history::progress(&tx, run_id, pages_done + 1, *pages_total, &c, *window_done)?;
    tx.commit()?;
    *counts = c;
    Ok(())
}

/// What the writer thread reports after each committed page.
struct Written {
    counts: Counts,
    pages: u32,
    sales: u64,
    /// Windows written so far, when this page ended one.
    windows: Option<u32>,
}

/// A page for the writer: its records, the supplier's count of pages, and whether it ends a window
/// (the windows written once it is).
type ToWrite = (Vec<Item>, Option<u32>, Option<u32>);

/// Writes pages on its own thread and its own SQLite connection (WAL lets the window keep reading),
/// so the next page is fetched and parsed while this one is written: the two halves of an import overlap.
struct Writer {
    pages: Option<tokio::sync::mpsc::Sender<ToWrite>>,
    reports: tokio::sync::mpsc::UnboundedReceiver<Result<Written, CoreError>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Writer {
    fn spawn(path: &std::path::Path, integration_id: i64, run_id: i64) -> Result<Self, CoreError> {
        let mut db = Db::open_file(path)?;
        let (tx, mut rx) = tokio::sync::mpsc::channel::<ToWrite>(1);
        let (rep_tx, reports) = tokio::sync::mpsc::unbounded_channel();
        let thread = std::thread::Builder::new()
            .name("ponte-import-writer".into())
            .spawn(move || {
                let mut counts = Counts::default();
                let (mut pages, mut sales) = (0u32, 0u64);
                while let Some(page) = rx.blocking_recv() {
                    let r = write_page(&mut db, integration_id, run_id, &page, &mut counts, pages);
                    let failed = r.is_err();
                    pages += 1;
                    sales += page.0.len() as u64;
                    let _ = rep_tx.send(r.map(|_| Written {
                        counts,
                        pages,
                        sales,
                        windows: page.2,
                    }));
                    if failed {
                        break;
                    }
                }
            })
            .map_err(|e| CoreError::Input(e.to_string()))?;
        Ok(Self {
            pages: Some(tx),
            reports,
            thread: Some(thread),
        })
    }

    /// Waits for every page sent so far to be written.
    async fn close(&mut self) {
        self.pages = None;
        if let Some(t) = self.thread.take() {
            let _ = tokio::task::spawn_blocking(move || t.join()).await;
        }
    }
}

fn classify_page(
    db: &Db,
    integration_id: i64,
    page: Page,
    st: &mut State,
    items: &mut Vec<PreviewItem>,
) -> Result<(), CoreError> {
    for rec in &page.into_sales() {
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

/// What a run fetches: its query, cut in windows when it is a date range.
struct Plan {
    query: Query,
    queries: Vec<Query>,
    /// None: a document (one query, no windows).
    window_days: Option<u32>,
    /// Windows already written by the run this one continues.
    first_window: u32,
}

impl Plan {
    fn of(db: &Db, opts: &RunOptions, dry_run: bool) -> Result<Self, ImportError> {
        let Some(old) = opts.resume else {
            let days = match (&opts.query, opts.window_days) {
                (Query::Document(_), _) => None,
                (Query::Dates { .. }, Some(d)) => Some(d),
                (Query::Dates { .. }, None) => Some(crate::windows::get(db, opts.integration_id)?),
            };
            return Ok(Plan {
                queries: crate::windows::queries(&opts.query, days.unwrap_or(1)),
                query: opts.query.clone(),
                window_days: days,
                first_window: 0,
            });
        };
        // Only a stopped run of this integration, never continued yet, with windows left (the rule of
        // `ImportRun::resumable`), and only for real: a preview writes nothing to continue.
        let run = history::get(db, old)?;
        let day = |d: &Option<String>| {
            d.as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        };
        match (
            run.resumable && run.integration_id == opts.integration_id && !dry_run,
            day(&run.date_from),
            day(&run.date_to),
            run.window_days,
        ) {
            (true, Some(from), Some(to), Some(days)) => {
                let query = Query::Dates { from, to };
                Ok(Plan {
                    queries: crate::windows::queries(&query, days),
                    query,
                    window_days: Some(days),
                    first_window: run.windows_done,
                })
            }
            _ => Err(ImportError::NotResumable),
        }
    }
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
    let (mut src, tz, run_id, plan, _lock) = {
        let g = lock(db);
        let held = if dry_run {
            None
        } else {
            let l = crate::lock::try_take(&g, opts.integration_id)?.ok_or(ImportError::AlreadyRunning)?;
            history::mark_interrupted(&g, opts.integration_id)?;
            Some(l)
        };
        // After the line above, a run that was killed reads as interrupted: it can be continued.
        let plan = Plan::of(&g, opts, dry_run)?;
        let src = source::open(&g, store, opts.integration_id, opts.limits)?;
        let tz = source::timezone(&g);
        let run_id = if dry_run {
            None
        } else {
            let (mode, document, date_from, date_to) = describe(&plan.query);
            Some(history::start(
                &g,
                &NewRun {
                    integration_id: opts.integration_id,
                    mode,
                    document,
                    date_from,
                    date_to,
                    windows: plan
                        .window_days
                        .map(|d| (d, plan.queries.len() as u32, plan.first_window)),
                    resumes: opts.resume,
                },
            )?)
        };
        (src, tz, run_id, plan, held)
    };
    let windows_total = plan.window_days.map(|_| plan.queries.len() as u32);
    let mut st = State {
        counts: Counts::default(),
        pages: 0,
        pages_total: None,
        sales_done: 0,
        sales_total: None,
        started: Instant::now(),
        windows_done: plan.first_window,
        windows_total,
        first_window: plan.first_window,
    };
    // Within one of several windows, the supplier's counts describe that window only: not shown.
    let one_window = windows_total.is_none_or(|t| t <= 1);
    let mut items = Vec::new();
    let mut writer = match run_id {
        Some(id) => {
            let path = lock(db).path().to_path_buf();
            Some(Writer::spawn(&path, opts.integration_id, id)?)
        }
        None => None,
    };
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
            resumable: run_id.is_some()
                && outcome != Outcome::Completed
                && st.windows_total.is_some_and(|t| st.windows_done < t),
        })
    };
    // Folds the writer's reports into `st`; the first write error ends the run.
    let absorb = |w: Written, st: &mut State| {
        st.counts = w.counts;
        st.pages = w.pages;
        st.sales_done = w.sales;
        st.windows_done = w.windows.unwrap_or(st.windows_done);
        on_progress(&st.progress(run_id, None));
    };
    // The window being fetched, and its pages fetched so far.
    let mut window = plan.first_window as usize;
    let mut fetched = 0u32;
    let mut guard = PageGuard::new();
    let mut ended: Option<(Outcome, Option<ImportError>)> = if window >= plan.queries.len() {
        Some((Outcome::Completed, None))
    } else {
        None
    };
    while ended.is_none() {
        if let Some(w) = writer.as_mut() {
            while let Ok(rep) = w.reports.try_recv() {
                match rep {
                    Ok(done) => absorb(done, &mut st),
                    Err(e) => ended = Some((Outcome::Failed, Some(ImportError::Core(e)))),
                }
            }
        }
        if ended.is_some() {
            break;
        }
        if cancel.is_cancelled() {
            ended = Some((Outcome::Cancelled, None));
            break;
        }
        let waiting = |s: u32| on_progress(&st_progress_snapshot(run_id, &st, s));
        let page = match fetch(&mut src, opts, &plan.queries[window], fetched, tz, cancel, &waiting).await {
            Ok(Some(p)) => p,
            Ok(None) => {
                ended = Some((Outcome::Cancelled, None));
                break;
            }
            Err(e) => {
                let err = ImportError::Supplier(e);
                log::warn!("import failed: {}", err.code());
                ended = Some((Outcome::Failed, Some(err)));
                break;
            }
        };
        fetched += 1;
        if let Err(e) = guard.check(&page, fetched, opts.page_size) {
            log::warn!("import stopped: {}", e.code());
            ended = Some((Outcome::Failed, Some(ImportError::Supplier(e))));
            break;
        }
        if one_window {
            st.pages_total = page.total_pages.or(st.pages_total);
            st.sales_total = page.total_records.or(st.sales_total);
        }
        // An empty page has nothing more to give, whatever it says.
        let window_done = (page.last || page.records.is_empty()).then(|| {
            window += 1;
            fetched = 0;
            guard = PageGuard::new();
            window as u32
        });
        let last = window_done.is_some() && window >= plan.queries.len();
        match writer.as_mut().and_then(|w| w.pages.clone()) {
            Some(tx) => {
                let items = match prepare(db, opts.integration_id, page) {
                    Ok(items) => items,
                    Err(e) => {
                        ended = Some((Outcome::Failed, Some(ImportError::Core(e))));
                        break;
                    }
                };
                if tx.send((items, st.pages_total, window_done)).await.is_err() {
                    // The writer stopped on an error: its report says which.
                    continue;
                }
            }
            None => {
                let n = page.records.len() as u64;
                let classified = classify_page(&lock(db), opts.integration_id, page, &mut st, &mut items);
                if let Err(e) = classified {
                    ended = Some((Outcome::Failed, Some(ImportError::Core(e))));
                    break;
                }
                st.pages += 1;
                st.sales_done += n;
                st.windows_done = window_done.unwrap_or(st.windows_done);
                on_progress(&st.progress(run_id, None));
            }
        }
        if last {
            ended = Some((Outcome::Completed, None));
        }
    }
    let (mut outcome, mut error) = ended.unwrap_or((Outcome::Completed, None));
    if let Some(w) = writer.as_mut() {
        // Pages already handed over are written whole, whatever ended the loop.
        w.close().await;
        while let Ok(rep) = w.reports.try_recv() {
            match rep {
                Ok(done) => absorb(done, &mut st),
                Err(e) if error.is_none() => {
                    outcome = Outcome::Failed;
                    error = Some(ImportError::Core(e));
                }
                Err(_) => {}
            }
        }
    }
    finish(outcome, &st, items, error.as_ref())
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
