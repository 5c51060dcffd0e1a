// One row of the integrations table: description and person, type, status badges, last success and
// import, and the row's actions (edit, duplicate, enable/disable, delete). Click or Enter edits.
import type { Integration } from '../bindings/Integration';
import { Icon } from '../components/Icon';
import { rowKeyDown } from '../components/ListTable';
import { RowAction } from '../components/RowAction';
import { useI18n } from '../i18n';
import { lastTestTitle, statusBadges } from '../integrations-list';

/** An empty cell: a dash to the eye, words to a screen reader. */
function Dash({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="sr-only">{label}</span>
    </>
  );
}

export function IntegrationRow(props: {
  integration: Integration;
  typeLabel: string;
  /** Created by the demo: labelled so. */
  demo: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { integration: i } = props;
  const badges = statusBadges(i);
  const testTitle = lastTestTitle(t, formatDateTime, i);
  const toggleLabel = t(i.enabled ? 'integrations.action.disable' : 'integrations.action.enable');
  return (
    <tr
      tabIndex={0}
      class={i.enabled ? undefined : 'row-disabled'}
      data-testid="integration-row"
      data-id={i.id}
      onClick={props.onEdit}
      onKeyDown={(e) => rowKeyDown(e, props.onEdit)}
    >
      <td class="col-description" title={`${i.description} · ${i.person_name}`}>
        <span class="cell-main">
          {props.demo && (
            <span class="badge badge-demo" data-testid="integration-demo">
              {t('demo.badge')}
            </span>
          )}
          {i.description}
        </span>
        <span class="cell-sub" data-testid="integration-person">
          <span class="sr-only">{t('integrations.col.person')}: </span>
          {i.person_name}
        </span>
      </td>
      <td class="col-type">{props.typeLabel}</td>
      <td class="col-status">
        <span class="badges">
          <span class={`badge ${badges.enabled.cls}`} data-testid="status-enabled">
            {t(badges.enabled.key)}
          </span>
          <span class={`badge ${badges.test.cls}`} title={testTitle} data-testid="status-test">
            {t(badges.test.key)}
            <span class="sr-only">. {testTitle}</span>
          </span>
        </span>
      </td>
      <td class="col-date" data-testid="last-success" title={i.last_success_at ? formatDateTime(i.last_success_at) : t('integrations.never_succeeded')}>
        {i.last_success_at ? formatDate(i.last_success_at) : <Dash label={t('integrations.never_succeeded')} />}
      </td>
      <td class="col-date col-import" data-testid="last-import" title={i.last_import_at ? formatDateTime(i.last_import_at) : t('integrations.never_imported')}>
        {i.last_import_at ? formatDate(i.last_import_at) : <Dash label={t('integrations.never_imported')} />}
      </td>
      <td class="col-actions">
        {/* The actions do not also open the row. */}
        <span class="row-actions" onClick={(e) => e.stopPropagation()}>
          <RowAction testid="integration-edit" label={t('common.edit')} on={i.description} onClick={props.onEdit}>
            <Icon name="edit" />
          </RowAction>
          <RowAction testid="integration-duplicate" label={t('integrations.action.duplicate')} on={i.description} onClick={props.onDuplicate}>
            <Icon name="copy" />
          </RowAction>
          <RowAction testid="integration-toggle" label={toggleLabel} on={i.description} pressed={!i.enabled} onClick={props.onToggle}>
            <Icon name="power" />
          </RowAction>
          <RowAction testid="integration-delete" class="btn-icon btn-icon-danger" label={t('common.delete')} on={i.description} onClick={props.onDelete}>
            <Icon name="trash" />
          </RowAction>
        </span>
      </td>
    </tr>
  );
}
