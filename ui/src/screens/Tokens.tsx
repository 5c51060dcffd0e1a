import '../styles/tokens.css';
import { useRef, useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { ErrorReply } from '../bindings/ErrorReply';
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
import { formatDay, rotationFor } from '../tokens-model';
import { useTokenTarget } from '../tokens-target';
import { useLoad } from '../use-load';
import { BookingUserCard } from './BookingUserCard';
import type { TokenActions } from './TokenRow';
import { TokensExpiry } from './TokensExpiry';
import { TokensNewForm } from './TokensNewForm';
import { TokensRotation } from './TokensRotation';
import { TokensUserForm } from './TokensUserForm';

const REJECTED: ErrorReply = { code: 'token_rejected', key: 'error.supplier.token_rejected', field: null, fields: [], params: {} };
const NOT_FOUND: ErrorReply = { code: 'not_found', key: 'error.not_found', field: null, fields: [], params: {} };

/** Tokens de API: PayTourist Booking users and their tokens (docs/PROTOCOLS.md#paytourist-api-tokens). */
export function Tokens() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { load, reload } = useLoad(
    () =>
      Promise.all([api.bookingUsers(), api.bookingSoftware(), api.integrationsList({ query: '', type: 'paytourist', status: null })]).then(
        ([users, software, integrations]) => ({ users, software, integrations }),
      ),
    [],
  );
  const [userForm, setUserForm] = useState(false);
  const [newToken, setNewToken] = useState<BookingUser | null>(null);
  const [rotation, setRotation] = useState<{ user: BookingUser; rotation: Rotation; key: number } | null>(null);
  const [expiry, setExpiry] = useState<ApiToken | null>(null);
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [verifying, setVerifying] = useState<number | null>(null);
  const [actionError, setActionError] = useState<ErrorReply | null>(null);
  const [announce, setAnnounce] = useState('');
  const copy = useCountdown<number>();
  // A new key per opening: the wizard starts from the backend's step, not from a previous opening's state.
  const seq = useRef(0);

  // While reloading after a change the list stays as it was; an error replaces it (with Tentar de novo).
  const data = load.state === 'error' ? null : load.data;
  const users = data?.users ?? [];
  const canAddUser = data !== null && data.integrations.length > 0;

  const showRotation = (user: BookingUser, token: ApiToken) => setRotation({ user, rotation: rotationFor(user.tokens, token), key: ++seq.current });
  const target = useTokenTarget(data?.users ?? null, showRotation, () => setActionError(NOT_FOUND));

  const verify = async (token: ApiToken) => {
    setVerifying(token.id);
    setActionError(null);
    try {
      const out = await api.tokenVerify(token.id);
      if (out.status === 'rejected') setActionError(REJECTED);
      else toast(t('tokens.verified_ok', { name: token.name }));
    } catch (e) {
      setActionError(toErrorReply(e));
    } finally {
      setVerifying(null);
      reload();
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
      reload();
    }
  };

  const userSaved = (u: BookingUser) => {
    setUserForm(false);
    toast(t('tokens.user.created', { name: u.name }));
    reload();
    // PayTourist's next step (docs/PROTOCOLS.md#paytourist-api-tokens): create the user's token.
    setNewToken(u);
  };

  const tokenSaved = (s: TokenSaved) => {
    toast(t('tokens.created', { name: s.token.name }));
    target.setHighlight(s.token.id);
    reload();
  };

  const actions: TokenActions = {
    verifying,
    copying: copy.what,
    highlight: target.highlight,
    onVerify: (x) => void verify(x),
    onCopy: (x) => void doCopy(x),
    onRotate: (user, x) => {
      setActionError(null);
      showRotation(user, x);
    },
    onExpiry: setExpiry,
    onDelete: setConfirming,
  };

  return (
    <>
      <TitleBar title={t('menu.tokens')}>
        <button type="button" class="btn btn-primary" data-testid="tokens-new-user" disabled={!canAddUser} onClick={() => setUserForm(true)}>
          <Icon name="plus" />
          {t('tokens.new_user')}
        </button>
      </TitleBar>
      <div class="content tokens" ref={target.contentRef}>
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
        {load.state === 'error' ? (
          <div class="card state state-error" role="alert">
            <Icon name="alert" class="state-icon" />
            <p>{t(load.error.key, load.error.params)}</p>
            <button type="button" class="btn" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        ) : data === null ? (
          <div class="card state" aria-busy="true">
            <p>{t('common.loading')}</p>
          </div>
        ) : users.length === 0 ? (
          <TokensEmpty canAddUser={canAddUser} onNewUser={() => setUserForm(true)} />
        ) : (
          users.map((u) => (
            <BookingUserCard
              key={u.id}
              user={u}
              actions={actions}
              copyLeft={copy.left}
              onNewToken={(user) => {
                setActionError(null);
                setNewToken(user);
              }}
            />
          ))
        )}
      </div>
      {userForm && data && <TokensUserForm integrations={data.integrations} software={data.software} onClose={() => setUserForm(false)} onSaved={userSaved} />}
      {newToken && <TokensNewForm user={newToken} onClose={() => setNewToken(null)} onSaved={tokenSaved} />}
      {rotation && (
        <TokensRotation key={rotation.key} user={rotation.user} rotation={rotation.rotation} onClose={() => setRotation(null)} onChanged={reload} />
      )}
      {expiry && (
        <TokensExpiry
          token={expiry}
          onClose={() => setExpiry(null)}
          onSaved={(x) => {
            setExpiry(null);
            toast(t('tokens.expiry.saved', { name: x.name, date: formatDay(locale, x.expires_on) }));
            reload();
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

/** No Booking user yet: add one, or (no PayTourist integration) where to start. */
function TokensEmpty({ canAddUser, onNewUser }: { canAddUser: boolean; onNewUser: () => void }) {
  const { t } = useI18n();
  return (
    <div class="card state" data-testid="tokens-empty">
      <Icon name="key" class="state-icon" />
      {canAddUser ? (
        <>
          <p>{t('tokens.empty')}</p>
          <button type="button" class="btn btn-primary" data-testid="tokens-empty-new-user" onClick={onNewUser}>
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
  );
}
