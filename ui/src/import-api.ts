// The import commands (src-tauri/src/commands/imports.rs), through ipc.ts's `call`. Tauri turns the Rust
// arguments' snake_case names into camelCase on this side: `integrationId`, `onProgress`, `runId`.
import { Channel } from '@tauri-apps/api/core';
import type { ImportIssue } from './bindings/ImportIssue';
import type { ImportQuery } from './bindings/ImportQuery';
import type { ImportRun } from './bindings/ImportRun';
import type { Progress } from './bindings/Progress';
import type { RunSummary } from './bindings/RunSummary';
import { call } from './ipc';

/** A channel that hands each Progress of the run to `onProgress`. */
function progressChannel(onProgress: (p: Progress) => void): Channel<Progress> {
  const ch = new Channel<Progress>();
  ch.onmessage = onProgress;
  return ch;
}

export const importApi = {
  /** Fetches and classifies without writing; progress arrives on the way. */
  preview: (integrationId: number, query: ImportQuery, onProgress: (p: Progress) => void) =>
    call<RunSummary>('import_preview', { integrationId, query, onProgress: progressChannel(onProgress) }),
  /** Imports page by page; resolves with the run's summary (cancelled and failed runs too). */
  run: (integrationId: number, query: ImportQuery, onProgress: (p: Progress) => void) =>
    call<RunSummary>('import_run', { integrationId, query, onProgress: progressChannel(onProgress) }),
  /** Asks the running import (or preview) to stop after its page; false when none was running. */
  cancel: (integrationId: number) => call<boolean>('import_cancel', { integrationId }),
  runs: (integrationId: number | null) => call<ImportRun[]>('import_runs', { integrationId }),
  issues: (runId: number) => call<ImportIssue[]>('import_issues', { runId }),
};
