import { useState } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';

/** Lembretes' title-bar action: every expiry into the user's own calendar (.ics, one alarm per reminder day). */
export function RemindersCalendar({ empty }: { empty: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  const exportIcs = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const path = await api.expiriesIcs();
      // null: the save dialog was cancelled, nothing to say.
      if (path) toast(t('reminders.calendar_saved', { path }));
    } catch (e) {
      const r = toErrorReply(e);
      toast(t(r.key, r.params), 'notice');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      class="btn"
      data-testid="reminders-calendar"
      disabled={busy || empty}
      aria-busy={busy}
      title={t('reminders.calendar_help')}
      onClick={() => void exportIcs()}
    >
      <Icon name="download" />
      {t('reminders.calendar')}
    </button>
  );
}
