import { useState } from 'preact/hooks';
import type { SalesFilter } from '../bindings/SalesFilter';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { defaultSeparator } from '../sales-format';
import { toErrorReply } from '../transport';

/** Vendas' title-bar actions: the CSV separator (`;` where the comma is the decimal mark) and Exportar CSV. */
export function SalesExport({ filter, empty }: { filter: SalesFilter; empty: boolean }) {
  const { t, locale, formatNumber } = useI18n();
  const toast = useToast();
  const [separator, setSeparator] = useState<';' | ','>(() => defaultSeparator(locale));
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const done = await api.salesExportCsv(filter, separator);
      // null: the save dialog was cancelled, nothing to say.
      if (done) toast(t('sales.exported', { rows: formatNumber(done.rows), path: done.path }));
    } catch (e) {
      const r = toErrorReply(e);
      toast(t(r.fields[0]?.key ?? r.key, r.fields[0]?.params ?? r.params), 'notice');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <label class="sr-only" for="sales-separator">
        {t('sales.separator')}
      </label>
      <select
        id="sales-separator"
        class="input select-separator"
        data-testid="sales-separator"
        title={t('sales.separator')}
        value={separator}
        onChange={(e) => setSeparator(e.currentTarget.value === ',' ? ',' : ';')}
      >
        <option value=";">{t('sales.separator.semicolon')}</option>
        <option value=",">{t('sales.separator.comma')}</option>
      </select>
      <button type="button" class="btn btn-primary" data-testid="sales-export" disabled={exporting || empty} aria-busy={exporting} onClick={() => void exportCsv()}>
        <Icon name="download" />
        {exporting ? t('sales.exporting') : t('sales.export')}
      </button>
    </>
  );
}
