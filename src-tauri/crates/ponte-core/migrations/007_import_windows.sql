-- Schema 7: a date range is imported in windows of a few days (suppliers' servers time out on long
-- ranges). Each run records its window size, how many windows the range makes and how many are written
-- (in the same transaction as the window's last page), so a cancelled, failed or killed run can be
-- continued by a new run that starts at the first unfinished window and names the run it continues.
ALTER TABLE import_runs ADD COLUMN window_days INTEGER;        -- NULL: a document, not a date range
ALTER TABLE import_runs ADD COLUMN windows_total INTEGER;
ALTER TABLE import_runs ADD COLUMN windows_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN resumes INTEGER REFERENCES import_runs (id) ON DELETE SET NULL;
CREATE INDEX import_runs_resumes ON import_runs (resumes) WHERE resumes IS NOT NULL;
