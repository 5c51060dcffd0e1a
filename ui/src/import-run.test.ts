import { describe, expect, test } from 'vitest';
import type { RunSummary } from './bindings/RunSummary';
import { afterQueryChange, IDLE, isBusy, phaseAfter } from './import-run';

const counts = { new: 1, updated: 0, unchanged: 0, flagged: 0, unmapped: 0, errors: 0 };
const summary = (over: Partial<RunSummary>): RunSummary => ({
  run_id: null,
  outcome: 'completed',
  counts,
  pages: 1,
  duration_ms: 10,
  error: null,
  items: [],
  resumable: false,
  ...over,
});
const asked = { integrationId: 3, query: { mode: 'document' as const, document: 'ABC' } };
const refused = { code: 'supplier', key: 'error.supplier.auth', params: {}, field: null, fields: [] };

describe('import phases', () => {
  test('a finished import is shown whatever its outcome', () => {
    const s = summary({ outcome: 'failed', error: refused });
    expect(phaseAfter('run', s, asked)).toEqual({ step: 'done', summary: s, ...asked });
  });

  test('a preview: its list, or why it failed, or nothing after a cancel', () => {
    const ok = summary({});
    expect(phaseAfter('preview', ok, asked)).toEqual({ step: 'preview', summary: ok, ...asked });
    expect(phaseAfter('preview', summary({ outcome: 'failed', error: refused }), asked)).toEqual({ step: 'error', error: refused, action: 'preview', ...asked });
    expect(phaseAfter('preview', summary({ outcome: 'cancelled' }), asked)).toEqual(IDLE);
  });

  test('another question forgets the preview and the failure, not a run going on or its result', () => {
    const running = { step: 'running' as const, progress: null, cancelling: false, ...asked };
    const done = { step: 'done' as const, summary: summary({}), ...asked };
    expect(afterQueryChange({ step: 'preview', summary: summary({}), ...asked })).toEqual(IDLE);
    expect(afterQueryChange({ step: 'error', error: refused, action: 'run', ...asked })).toEqual(IDLE);
    expect(afterQueryChange(running)).toBe(running);
    expect(afterQueryChange(done)).toBe(done);
    expect(isBusy(running)).toBe(true);
    expect(isBusy(done)).toBe(false);
  });
});
