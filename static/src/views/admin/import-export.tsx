import Button from '@atlaskit/button/default/button';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useId, useMemo, useState } from 'react';
import {
  type ConfigView,
  type ExportedConfig,
  ExportedConfigSchema,
  exportConfig,
  importConfig,
  type RecomputeStatus,
} from '@contracts/admin';
import { useAction } from '../../api/client-context';
import { downloadText } from '../../ui/download';
import { useNotify } from '../../ui/flags';
import { Notice } from '../../ui/notice';
import { type ImportPreview, type ItemChange, previewImport } from './import-preview';
import { importProblems } from './import-problems';
import { ChoiceInput } from './inputs';
import type { ScopeNames } from './scope-names';
import { type AdminT, useAdminT } from './admin-messages';

interface ImportExportProps {
  readonly config: ConfigView;
  readonly names: ScopeNames;
  readonly onImported: (config: ConfigView, recompute: RecomputeStatus | null) => void;
}

type Checked =
  | { readonly state: 'empty' }
  | { readonly state: 'invalid'; readonly problems: readonly string[] }
  | { readonly state: 'valid'; readonly file: ExportedConfig };

/** The file as typed or chosen, checked with the schema the server uses, in the admin's words. */
function check(text: string, t: AdminT): Checked {
  if (text.trim() === '') return { state: 'empty' };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { state: 'invalid', problems: [t('import.notJson')] };
  }
  const parsed = ExportedConfigSchema.safeParse(input);
  return parsed.success
    ? { state: 'valid', file: parsed.data }
    : { state: 'invalid', problems: importProblems(t, input, parsed.error) };
}

/** Moves XLAs and plans between sites as one JSON file: export; import after a preview of its differences. */
export function ImportExport({ config, names, onImported }: ImportExportProps) {
  const t = useAdminT();
  const ids = useId();
  const notify = useNotify();
  const exporting = useAction(exportConfig);
  const importing = useAction(importConfig);
  const [exported, setExported] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirming, setConfirming] = useState(false);
  const [serverProblems, setServerProblems] = useState<readonly string[]>([]);
  const checked = useMemo(() => check(text, t), [text, t]);
  const preview = checked.state === 'valid' ? previewImport(config, checked.file, mode, names, t) : null;

  async function runExport() {
    const result = await exporting.run({});
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    const json = JSON.stringify(result.data, null, 2);
    setExported(json);
    downloadText('sentio-config.json', json, 'application/json');
  }

  async function runImport(file: ExportedConfig) {
    setConfirming(false);
    const result = await importing.run({ config: file, mode, expectedVersion: config.version });
    if (result === null) return;
    if (!result.ok) {
      if (result.error.fields.length > 0) setServerProblems(result.error.fields.map((f) => f.message));
      return notify.failed(result.error);
    }
    onImported(result.data.config, result.data.recompute);
    setText('');
    setServerProblems([]);
    notify.succeeded(t('io.imported'), t('io.importedCount', { xlas: file.xlas.length, plans: file.plans.length }));
  }

  function changeText(next: string) {
    setText(next);
    setConfirming(false);
    setServerProblems([]);
  }

  async function readFile(file: File | undefined) {
    if (file === undefined) return;
    changeText(await file.text());
  }

  const problems = checked.state === 'invalid' ? checked.problems : serverProblems;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300') }}>
      <section
        aria-labelledby={`${ids}-export`}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
      >
        <h3 id={`${ids}-export`} style={{ margin: 0, font: token('font.heading.xsmall') }}>
          {t('io.export')}
        </h3>
        <div>
          <Button onClick={() => void runExport()} isLoading={exporting.pending}>
            {t('io.exportJson')}
          </Button>
        </div>
        {exported !== null ? (
          <TextArea aria-label={t('io.exported')} isReadOnly value={exported} minimumRows={6} maxHeight="240px" />
        ) : null}
      </section>
      <section
        aria-labelledby={`${ids}-import`}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
      >
        <h3 id={`${ids}-import`} style={{ margin: 0, font: token('font.heading.xsmall') }}>
          {t('io.import')}
        </h3>
        <label htmlFor={`${ids}-file`}>{t('io.choose')}</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
        />
        <TextArea
          aria-label={t('io.toImport')}
          value={text}
          minimumRows={6}
          maxHeight="240px"
          onChange={(e) => changeText(e.currentTarget.value)}
        />
        <ChoiceInput<'merge' | 'replace'>
          label={t('io.how')}
          value={mode}
          options={[
            { value: 'merge', label: t('io.merge') },
            { value: 'replace', label: t('io.replace') },
          ]}
          onChange={(m) => {
            setMode(m);
            setConfirming(false);
          }}
        />
        {problems.length > 0 ? (
          <Notice appearance="error" title={t('io.refused')}>
            <ul style={{ margin: 0 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {preview !== null && checked.state === 'valid' ? <ImportPreviewView preview={preview} mode={mode} /> : null}
        {confirming && preview !== null && checked.state === 'valid' ? (
          <Notice
            appearance="warning"
            title={t('io.replaceTitle')}
            actions={[
              <Button key="yes" appearance="warning" onClick={() => void runImport(checked.file)}>
                {t('io.replaceAndRemove', { n: preview.notInFile.length })}
              </Button>,
              <Button key="no" appearance="subtle" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>,
            ]}
          >
            <p>
              {t('io.willDelete', {
                n: preview.notInFile.length,
                items: preview.notInFile.map((i) => itemName(t, i)).join(', '),
              })}
            </p>
          </Notice>
        ) : (
          <div>
            <Button
              appearance="primary"
              isDisabled={checked.state !== 'valid'}
              isLoading={importing.pending}
              onClick={() => {
                if (checked.state !== 'valid' || preview === null) return;
                if (preview.removes) setConfirming(true);
                else void runImport(checked.file);
              }}
            >
              {mode === 'replace' ? t('io.replaceButton') : t('io.import')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

/** "XLA “Fast help”", "plan “Mid-flight check”". */
function itemName(t: AdminT, i: ItemChange): string {
  return t('field.named', { kind: i.kind === 'XLA' ? 'xla' : 'plan', name: i.name });
}

function ItemList({ title, items, tone }: { title: string; items: readonly ItemChange[]; tone?: 'danger' }) {
  const t = useAdminT();
  if (items.length === 0) return null;
  return (
    <div>
      <strong style={{ color: tone === 'danger' ? token('color.text.danger') : undefined }}>{title}</strong>
      <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
        {items.map((i) => (
          <li key={`${i.kind}-${i.name}`}>
            {t('io.item', { kind: i.kind === 'XLA' ? 'xla' : 'plan', name: i.name })}
            {i.changes.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
                {i.changes.map((c) => (
                  <li key={c.what}>{t('io.change', { what: c.what, before: c.before, after: c.after })}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The differences the import would make, item by item, before anything is written. */
function ImportPreviewView({ preview, mode }: { preview: ImportPreview; mode: 'merge' | 'replace' }) {
  const t = useAdminT();
  const nothing = preview.added.length === 0 && preview.changed.length === 0 && !preview.removes;
  return (
    <section
      aria-label={t('io.changes')}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
      }}
    >
      <strong>
        {nothing
          ? t('io.nothing')
          : t('io.summary', {
              added: preview.added.length,
              changed: preview.changed.length,
              removed: preview.notInFile.length,
              replace: mode === 'replace' ? 'yes' : 'no',
              unchanged: preview.unchanged.length,
            })}
      </strong>
      <ItemList title={t('io.added')} items={preview.added} />
      <ItemList title={t('io.changed')} items={preview.changed} />
      {mode === 'replace' ? (
        <ItemList title={t('io.removed')} items={preview.notInFile} tone="danger" />
      ) : (
        <ItemList title={t('io.kept')} items={preview.notInFile} />
      )}
    </section>
  );
}
