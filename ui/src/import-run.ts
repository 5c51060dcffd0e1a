// Where Importar vendas is: nothing asked yet, a preview or an import going on (with its progress), a preview
// to look at, a finished import, or a failure with its retry. Free of the DOM so it can be unit-tested; the
// hook that drives it is use-import-run.ts.
import type { ErrorReply } from './bindings/ErrorReply';
import type { ImportQuery } from './bindings/ImportQuery';
import type { Progress } from './bindings/Progress';
import type { RunSummary } from './bindings/RunSummary';

export type Action = 'preview' | 'run';

/** What was asked: of which integration, which sales. */
export interface Asked {
  integrationId: number;
  query: ImportQuery;
}

export type Phase =
  | { step: 'idle' }
  | ({ step: 'previewing' | 'running'; progress: Progress | null; cancelling: boolean } & Asked)
  | ({ step: 'preview'; summary: RunSummary } & Asked)
  | ({ step: 'done'; summary: RunSummary } & Asked)
  | ({ step: 'error'; error: ErrorReply; action: Action } & Asked);

export const IDLE: Phase = { step: 'idle' };

/** A preview or an import is going on. */
export function isBusy(p: Phase): p is Extract<Phase, { step: 'previewing' | 'running' }> {
  return p.step === 'previewing' || p.step === 'running';
}

/** What the screen shows once the backend answered `action` with `summary`. */
export function phaseAfter(action: Action, summary: RunSummary, asked: Asked): Phase {
  const { integrationId, query } = asked;
  if (action === 'run') return { step: 'done', summary, integrationId, query };
  if (summary.outcome === 'completed') return { step: 'preview', summary, integrationId, query };
  if (summary.error) return { step: 'error', error: summary.error, action, integrationId, query };
  // A cancelled preview wrote nothing and has nothing to show.
  return IDLE;
}

/** A preview answers one question: once the question changes, its answer (or failure) is gone. */
export function afterQueryChange(p: Phase): Phase {
  return p.step === 'preview' || p.step === 'error' ? IDLE : p;
}
