import '../styles/tokens.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import type { TokenSaved } from '../bindings/TokenSaved';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { useCountdown } from '../tokens-copy';
import type { Rotation } from '../tokens-model';
import { daysLeftText, formatDay, masked, rotationFor, rotationOf, softwareLabel, tokenIdFromHash } from '../tokens-model';
import { TokensExpiry } from './TokensExpiry';
import { TokensNewForm } from './TokensNewForm';
import { CopyCountdown, TokensIcon, TokenStatusBadge } from './TokensParts';
import { TokensRotation } from './TokensRotation';
import { TokensUserForm } from './TokensUserForm';

type Data =
  | { status: 'loading' }
  | { status: 'ok'; users: BookingUser[]; software: string[]; integrations: Integration[] }
  | { status: 'error'; error: ErrorReply };

const COLUMNS: { label: string; class: string }[] = [
  { label: 'tokens.col.name', class: 'col-tname' },
  { label: 'tokens.col.created', class: 'col-tdate' },
  { label: 'tokens.col.expires', class: 'col-texpires' },
  { label: 'tokens.col.days', class: 'col-tdays' },
  { label: 'tokens.col.verified', class: 'col-tverified' },
  { label: 'tokens.col.status', class: 'col-tstatus' },
  { label: 'tokens.col.actions', class: 'col-tactions' },
];

const HIGHLIGHT_MS = 4000;

/** Tokens de API: PayTourist Booking users and their tokens (docs/PROTOCOLS.md#paytourist-api-tokens). */
export function Tokens() {
  const { t, locale, formatDate, formatDateTime, formatNumber } = useI18n();
  const day = (iso: string) => formatDay(locale, iso);
  const toast = useToast();
  const [data, setData] = useState<Data>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [userForm, setUserForm] = useState(false);
  const [newToken, setNewToken] = useState<BookingUser | null>(null);
  const [rotation, setRotation] = useState<{ user: BookingUser; rotation: Rotation; key: number } | null>(null);
  const [expiry, setExpiry] = useState<ApiToken | null>(null);
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [verifying, setVerifying] = useState<number | null>(null);
  const [actionError, setActionError] = useState<ErrorReply | null>(null);
  const [target, setTarget] = useState<number | null>(() => tokenIdFromHash(window.location.hash));
  const [highlight, setHighlight] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const copy = useCountdown<number>();
  const contentRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    let stale = false;
    Promise.all([api.bookingUsers(), api.bookingSoftware(), api.integrationsList({ query: '', type: 'paytourist', status: null })]).then(
      ([users, software, integrations]) => !stale && setData({ status: 'ok', users, software, integrations }),
      (e: unknown) => !stale && setData({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);

  // #/tokens/<id> (tray menu, notification click): follow it while on this screen too.
  useEffect(() => {
    const onHash = () => {
      const id = tokenIdFromHash(window.location.hash);
      if (id !== null) setTarget(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const openRotation = (user: BookingUser, token: ApiToken) => {
    setActionError(null);
    setRotation({ user, rotation: rotationFor(user.tokens, token), key: ++seq.current });
  };

  // Open the target token: scroll to it, highlight it, and open its rotation when it needs one.
  useEffect(() => {
    if (target === null || data.status !== 'ok') return;
    setTarget(null);
    window.history.replaceState(null, '', '#/tokens');
    const user = data.users.find((u) => u.tokens.some((x) => x.id === target));
    const token = user?.tokens.find((x) => x.id === target);
    if (!user || !token) {
      setActionError({ code: 'not_found', key: 'error.not_found', field: null, fields: [], params: {} });
      return;
    }
    setHighlight(token.id);
    if (rotationOf(user.tokens, token) || token.status !== 'valid') setRotation({ user, rotation: rotationFor(user.tokens, token), key: ++seq.current });
  }, [target, data]);

  useLayoutEffect(() => {
    if (highlight === null) return;
    const row = contentRef.current?.querySelector<HTMLElement>(`[data-testid=token-row][data-id="${highlight}"]`);
    row?.scrollIntoView({ block: 'center' });
    if (!document.querySelector('dialog[open]')) row?.focus();
    const id = window.setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(id);
  }, [highlight]);

  const verify = async (token: ApiToken) => {
    setVerifying(token.id);
    setActionError(null);
    try {
      const out = await api.tokenVerify(token.id);
      if (out.status === 'rejected') setActionError({ code: 'token_rejected', key: 'error.supplier.token_rejected', field: null, fields: [], params: {} });
      else toast(t('tokens.verified_ok', { name: token.name }));
    } catch (e) {
      setActionError(toErrorReply(e));
    } finally {
      setVerifying(null);
      refresh();
    }
  };

  const doCopy = async (token: ApiToken) => {
    setActionError(null);
    try {
      const seconds = await api.tokenCopy(token.id);
      copy.start(token.id, seconds);
      setAnnounce(t('tokens.copied', { seconds }));
    } catch (e) {
      setActionError(toErrorReply(e));
    }
  };

  const remove = async () => {
    if (!confirming) return;
    const token = confirming;
    setDeleting(true);
    try {
      await api.tokenDelete(token.id);
      setActionError(null);
      if (copy.what === token.id) copy.stop();
      toast(t('tokens.deleted', { name: token.name }));
    } catch (e) {
      setActionError(toErrorReply(e));
    } finally {
      setDeleting(false);
      setConfirming(null);
      refresh();
    }
  };

  const userSaved = (u: BookingUser) => {
    setUserForm(false);
    toast(t('tokens.user.created', { name: u.name }));
    refresh();
    // PayTourist's next step (docs/PROTOCOLS.md#paytourist-api-tokens): create the user's token.
    setNewToken(u);
  };

  const tokenSaved = (s: TokenSaved) => {
    toast(t('tokens.created', { name: s.token.name }));
    setHighlight(s.token.id);
    refresh();
  };

  const ok = data.status === 'ok';
  const users = ok ? data.users : [];
  const canAddUser = ok && data.integrations.length > 0;
  const action = (label: string, x: ApiToken) => t('integrations.action.on', { action: label, name: x.name });

  const row = (user: BookingUser, x: ApiToken) => {
    const rot = rotationOf(user.tokens, x);
    const isOldOfRotation = rot !== null && rot.old?.id === x.id;
    const replaced = x.replaces !== null ? user.tokens.find((o) => o.id === x.replaces) : undefined;
    const checkFailed = x.last_check !== null && x.last_check !== 'ok' && x.last_check !== 'rejected';
    const verifiedTitle = x.last_verified_at
      ? checkFailed
        ? t('tokens.check_failed', {
            date: formatDateTime(x.last_verified_at),
            message: t(`error.supplier.${x.last_check ?? ''}`).replace(/\{[A-Za-z0-9_]+\}/g, '…'),
          })
        : t('tokens.verified_at', { date: formatDateTime(x.last_verified_at) })
      : t('tokens.never_verified');
    return (
      <tr
        key={x.id}
        tabIndex={-1}
        class={highlight === x.id ? 'row-highlight' : undefined}
        data-testid="token-row"
        data-id={x.id}
        data-status={x.status}
        data-active={x.active}
      >
        <td class="col-tname">
          <span class="cell-main token-name">
            <span class="token-name-text" title={x.name}>
              {x.name}
            </span>
            {x.active && (
              <span class="badge badge-active" title={t('tokens.active_title')}>
                {t('tokens.active')}
              </span>
            )}
          </span>
          <span class="cell-sub token-mask" data-testid="token-mask">
            <span aria-hidden="true">{masked(x.last4)}</span>
            <span class="sr-only">{t('tokens.ending_in', { last4: x.last4 })}</span>
            {replaced && <span class="token-replaces"> · {t('tokens.rotation.replaces', { name: replaced.name })}</span>}
          </span>
          {rot && (isOldOfRotation || !rot.old) && (
            <button type="button" class="link-btn" data-testid="rotation-continue" onClick={() => openRotation(user, x)}>
              <TokensIcon name="rotate" />
              {t('tokens.rotation.in_progress')}
            </button>
          )}
        </td>
        <td class="col-tdate">{day(x.created_on)}</td>
        <td class="col-texpires">
          <span class="expires-cell">
            <span data-testid="token-expires">{day(x.expires_on)}</span>
            <button
              type="button"
              class="btn-icon btn-icon-small"
              data-testid="token-expiry-edit"
              title={t('tokens.action.edit_expiry')}
              aria-label={action(t('tokens.action.edit_expiry'), x)}
              onClick={() => setExpiry(x)}
            >
              <Icon name="edit" />
            </button>
          </span>
        </td>
        <td class={x.days_left < 0 ? 'col-tdays days-expired' : 'col-tdays'} data-testid="token-days">
          {daysLeftText(t, formatNumber, x.days_left)}
        </td>
        <td class="col-tverified" title={verifiedTitle} data-testid="token-verified">
          {x.last_verified_at ? formatDate(x.last_verified_at) : t('tokens.never_verified')}
          {checkFailed && <Icon name="alert" class="check-failed" />}
          <span class="sr-only">. {verifiedTitle}</span>
        </td>
        <td class="col-tstatus">
          <TokenStatusBadge status={x.status} />
        </td>
        <td class="col-tactions">
          <span class="row-actions">
            <button
              type="button"
              class="btn-icon"
              data-testid="token-verify"
              title={t('tokens.action.verify')}
              aria-label={action(t('tokens.action.verify'), x)}
              aria-busy={verifying === x.id}
              disabled={verifying !== null}
              onClick={() => void verify(x)}
            >
              {verifying === x.id ? <span class="spinner" aria-hidden="true" /> : <TokensIcon name="verify" />}
            </button>
            <button
              type="button"
              class={copy.what === x.id ? 'btn-icon btn-icon-on' : 'btn-icon'}
              data-testid="token-copy"
              title={t('tokens.action.copy')}
              aria-label={action(t('tokens.action.copy'), x)}
              onClick={() => void doCopy(x)}
            >
              <Icon name={copy.what === x.id ? 'check' : 'copy'} />
            </button>
            <button
              type="button"
              class={rot ? 'btn-icon btn-icon-on' : 'btn-icon'}
              data-testid="token-rotate"
              title={rot ? t('tokens.rotation.in_progress') : t('tokens.action.rotate')}
              aria-label={action(rot ? t('tokens.rotation.in_progress') : t('tokens.action.rotate'), x)}
              onClick={() => openRotation(user, x)}
            >
              <TokensIcon name="rotate" />
            </button>
            <button
              type="button"
              class="btn-icon btn-icon-danger"
              data-testid="token-delete"
              title={t('common.delete')}
              aria-label={action(t('common.delete'), x)}
              onClick={() => setConfirming(x)}
            >
              <Icon name="trash" />
            </button>
          </span>
        </td>
      </tr>
    );
  };

  const copiedUser = copy.what === null ? null : users.find((u) => u.tokens.some((x) => x.id === copy.what));
  const copiedToken = copiedUser?.tokens.find((x) => x.id === copy.what);

  return (
    <>
      <TitleBar title={t('menu.tokens')}>
        <button type="button" class="btn btn-primary" data-testid="tokens-new-user" disabled={!canAddUser} onClick={() => setUserForm(true)}>
          <Icon name="plus" />
          {t('tokens.new_user')}
        </button>
      </TitleBar>
      <div class="content tokens" ref={contentRef}>
        <p class="help tokens-intro">{t('tokens.intro')}</p>
        {actionError && (
          <div class="form-summary action-error" role="alert" data-testid="action-error">
            <Icon name="alert" />
            <p>{t(actionError.key, actionError.params)}</p>
            <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={() => setActionError(null)}>
              <Icon name="close" />
            </button>
          </div>
        )}
        <p class="sr-only" role="status">
          {announce}
        </p>
        {data.status === 'error' ? (
          <div class="card state state-error" role="alert">
            <Icon name="alert" class="state-icon" />
            <p>{t(data.error.key, data.error.params)}</p>
            <button type="button" class="btn" onClick={refresh}>
              {t('common.retry')}
            </button>
          </div>
        ) : data.status === 'loading' ? (
          <div class="card state" aria-busy="true">
            <p>{t('common.loading')}</p>
          </div>
        ) : users.length === 0 ? (
          <div class="card state" data-testid="tokens-empty">
            <Icon name="key" class="state-icon" />
            {canAddUser ? (
              <>
                <p>{t('tokens.empty')}</p>
                <button type="button" class="btn btn-primary" data-testid="tokens-empty-new-user" onClick={() => setUserForm(true)}>
                  <Icon name="plus" />
                  {t('tokens.new_user')}
                </button>
              </>
            ) : (
              <>
                <p>{t('tokens.no_paytourist')}</p>
                <a class="btn" href="#/integrations" data-testid="tokens-open-integrations">
                  <Icon name="plug" />
                  {t('tokens.open_integrations')}
                </a>
              </>
            )}
          </div>
        ) : (
          users.map((u) => (
            <section class="card token-user" key={u.id} data-testid="booking-user" data-id={u.id} aria-labelledby={`bu-title-${u.id}`}>
              <header class="token-user-head">
                <div class="token-user-id">
                  <h2 class="token-user-name" id={`bu-title-${u.id}`}>
                    {u.name}
                  </h2>
                  <p class="token-user-meta">
                    <span title={t('tokens.user.email_title')} data-testid="booking-user-email">
                      <TokensIcon name="mail" />
                      {u.email}
                    </span>
                    {u.software ? (
                      <span title={t('tokens.field.software')} data-testid="booking-user-software">
                        <TokensIcon name="monitor" />
                        {softwareLabel(t, u.software)}
                      </span>
                    ) : (
                      <span class="badge badge-off badge-hint" title={t('tokens.user.software_missing_help')} data-testid="booking-user-software">
                        {t('tokens.user.software_missing')}
                        <span class="sr-only">. {t('tokens.user.software_missing_help')}</span>
                      </span>
                    )}
                    <span title={t('tokens.user.integration_title')}>
                      <Icon name="plug" />
                      {u.integration}
                    </span>
                  </p>
                </div>
                <button
                  type="button"
                  class="btn"
                  data-testid="tokens-new"
                  aria-label={`${t('tokens.new_token')}: ${u.name}`}
                  onClick={() => {
                    setActionError(null);
                    setNewToken(u);
                  }}
                >
                  <Icon name="plus" />
                  {t('tokens.new_token')}
                </button>
              </header>
              {u.tokens.length === 0 ? (
                <p class="token-empty" data-testid="tokens-user-empty">
                  {t('tokens.user.no_tokens')}
                </p>
              ) : (
                <div class="table-scroll">
                  <table class="table token-table" aria-labelledby={`bu-title-${u.id}`}>
                    <thead>
                      <tr>
                        {COLUMNS.map((c) => (
                          <th scope="col" class={c.class} key={c.label}>
                            {c.class === 'col-tactions' ? <span class="sr-only">{t(c.label)}</span> : t(c.label)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>{u.tokens.map((x) => row(u, x))}</tbody>
                  </table>
                </div>
              )}
              {copiedUser?.id === u.id && copiedToken && (
                <div class="token-user-foot">
                  <CopyCountdown left={copy.left} name={copiedToken.name} />
                </div>
              )}
            </section>
          ))
        )}
      </div>
      {userForm && ok && <TokensUserForm integrations={data.integrations} software={data.software} onClose={() => setUserForm(false)} onSaved={userSaved} />}
      {newToken && <TokensNewForm user={newToken} onClose={() => setNewToken(null)} onSaved={tokenSaved} />}
      {rotation && (
        <TokensRotation key={rotation.key} user={rotation.user} rotation={rotation.rotation} onClose={() => setRotation(null)} onChanged={refresh} />
      )}
      {expiry && (
        <TokensExpiry
          token={expiry}
          onClose={() => setExpiry(null)}
          onSaved={(x) => {
            setExpiry(null);
            toast(t('tokens.expiry.saved', { name: x.name, date: day(x.expires_on) }));
            refresh();
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          message={t('tokens.confirm_delete', { name: confirming.name, last4: confirming.last4 })}
          confirmLabel={t('common.delete')}
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
