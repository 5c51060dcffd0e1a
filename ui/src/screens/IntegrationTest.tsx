// Testar conexão in the integration form: the button in the footer, the strip above it that says how it
// went, and the state between them. A result that comes after Cancelar, a save or closing is ignored.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { TestSuccess } from '../bindings/TestSuccess';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { errorText } from '../integration-form';
import { toErrorReply } from '../transport';

export type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ok'; success: TestSuccess }
  | { status: 'failed'; reply: ErrorReply };

export interface ConnectionTest {
  state: TestState;
  buttonRef: Ref<HTMLButtonElement>;
  /** Runs `request`; its outcome, or null when it was superseded (cancelled, saved, closed, run again). */
  run: (request: () => Promise<TestSuccess>) => Promise<TestState | null>;
  /** Cancelar: back to idle, focus on the test button. */
  cancel: () => void;
  /** Ignores the test in flight (the form was saved). */
  forget: () => void;
}

export function useConnectionTest(): ConnectionTest {
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const seq = useRef(0);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A late result after the form closed is ignored.
  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  const run = async (request: () => Promise<TestSuccess>) => {
    const mine = ++seq.current;
    setState({ status: 'running' });
    let outcome: TestState;
    try {
      outcome = { status: 'ok', success: await request() };
    } catch (err) {
      outcome = { status: 'failed', reply: toErrorReply(err) };
    }
    if (mine !== seq.current) return null;
    setState(outcome);
    return outcome;
  };

  const cancel = () => {
    seq.current++;
    setState({ status: 'idle' });
    buttonRef.current?.focus();
  };

  const forget = () => {
    seq.current++;
  };

  return { state, buttonRef, run, cancel, forget };
}

export function TestButton(props: { test: ConnectionTest; onRun: () => void }) {
  const { t } = useI18n();
  const running = props.test.state.status === 'running';
  return (
    <button
      type="button"
      class="btn"
      ref={props.test.buttonRef}
      data-testid="integration-test"
      aria-disabled={running}
      aria-busy={running}
      onClick={() => {
        if (!running) props.onRun();
      }}
    >
      <Icon name="plug" />
      {t('integrations.test.button')}
    </button>
  );
}

/** Running (with Cancelar), passed, or failed with the fix and Tentar novamente; announced politely. */
export function TestStrip(props: { test: ConnectionTest; spec: IntegrationTypeSpec; onRetry: () => void }) {
  const { t } = useI18n();
  const { state } = props.test;
  return (
    <div class="test-strip" aria-live="polite" data-state={state.status}>
      {state.status === 'running' ? (
        <div class="test-line" data-testid="test-running" aria-busy="true">
          <span class="spinner" aria-hidden="true" />
          <span class="test-text">{t('integrations.test.running')}</span>
          <button type="button" class="btn btn-small" data-testid="test-cancel" onClick={props.test.cancel}>
            {t('integrations.test.cancel')}
          </button>
        </div>
      ) : state.status === 'ok' ? (
        <div class="test-line test-ok" data-testid="test-result" data-ok="true">
          <Icon name="check" class="test-icon" />
          <span class="test-text">{t(state.success.key, state.success.params)}</span>
        </div>
      ) : state.status === 'failed' ? (
        <div class="test-line test-failed" data-testid="test-result" data-ok="false">
          <Icon name="alert" class="test-icon" />
          <div class="test-text">
            <strong>{t('integrations.test.failed')}</strong>
            <p data-testid="test-message">{errorText(t, props.spec, state.reply)}</p>
          </div>
          <button type="button" class="btn btn-small" data-testid="test-retry" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
