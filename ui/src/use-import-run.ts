// A preview or an import of Importar vendas as it goes: started, its progress streamed over the channel,
// cancelled, answered. Not a "load" (useLoad): it streams events and its answer changes what the screen is.
import { useCallback, useRef, useState } from 'preact/hooks';
import { api } from './api.gen';
import type { ImportRun } from './bindings/ImportRun';
import type { Progress } from './bindings/Progress';
import type { QueryErrors } from './import-query';
import { splitReply } from './import-query';
import type { Action, Asked, Phase } from './import-run';
import { afterQueryChange, IDLE, isBusy, phaseAfter } from './import-run';
import { toErrorReply } from './transport';

export interface ImportRunner {
  phase: Phase;
  busy: boolean;
  /** `resumeRun`: continue that stopped run (of the same question) instead of asking anew. */
  start: (action: Action, asked: Asked, resumeRun?: number) => Promise<void>;
  /** Continuar: a stopped run, from its first unfinished period (a new run that names it). */
  resume: (run: ImportRun) => Promise<void>;
  cancel: () => void;
  /** Tentar de novo: the same question again (an import that did not complete, a failed preview or run). */
  retry: () => void;
  /** The question changed: a preview (or failure) that answered the old one is gone. */
  questionChanged: () => void;
  /** Back to no question (Nova consulta). */
  reset: () => void;
  /** Back to no question, unless a preview or import is going on. */
  settle: () => void;
  /** Bumped when a run may have been recorded: the history reads itself again. */
  historyReload: number;
}

/** `onFieldErrors`: the backend refused the question, these next to its fields (none: the field is clean). */
export function useImportRun(onFieldErrors: (fields: QueryErrors) => void): ImportRunner {
  const [phase, setPhase] = useState<Phase>(IDLE);
  const [historyReload, setHistoryReload] = useState(0);
  /** Which run the channel messages belong to: a late message of an older run is dropped. */
  const token = useRef(0);

  /** `resumeRun`: continue that run (an import of the same range) instead of asking anew. */
  const start = async (action: Action, { integrationId, query }: Asked, resumeRun?: number) => {
    const asked: Asked = { integrationId, query };
    const mine = ++token.current;
    setPhase({ step: action === 'preview' ? 'previewing' : 'running', progress: null, cancelling: false, ...asked });
    const onProgress = (p: Progress) => {
      if (token.current !== mine) return;
      setPhase((ph) => (isBusy(ph) ? { ...ph, progress: p } : ph));
    };
    try {
      const summary =
        resumeRun !== undefined
          ? await api.importResume(resumeRun, onProgress)
          : await (action === 'preview' ? api.importPreview : api.importRun)(asked.integrationId, asked.query, onProgress);
      if (token.current !== mine) return;
      setPhase(phaseAfter(action, summary, asked));
      if (action === 'run') setHistoryReload((n) => n + 1);
    } catch (e) {
      if (token.current !== mine) return;
      const { fields, general } = splitReply(toErrorReply(e));
      onFieldErrors(fields);
      setPhase(general ? { step: 'error', error: general, action, ...asked } : IDLE);
      setHistoryReload((n) => n + 1);
    }
  };

  const cancel = () => {
    if (!isBusy(phase)) return;
    setPhase({ ...phase, cancelling: true });
    api.importCancel(phase.integrationId).catch(() => {
      // Nothing running any more: the run's own answer says how it ended.
    });
  };

  const retry = () => {
    if (phase.step === 'done') void start('run', phase);
    else if (phase.step === 'error') void start(phase.action, phase);
  };

  const settle = useCallback(() => setPhase((ph) => (isBusy(ph) ? ph : IDLE)), []);

  return {
    phase,
    busy: isBusy(phase),
    start,
    resume: (r: ImportRun) => start('run', { integrationId: r.integration_id, query: { mode: 'dates', from: r.date_from ?? '', to: r.date_to ?? '' } }, r.id),
    cancel,
    retry,
    questionChanged: () => setPhase(afterQueryChange),
    reset: () => setPhase(IDLE),
    settle,
    historyReload,
  };
}
