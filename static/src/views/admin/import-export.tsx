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
function check(text: string): Checked {
  if (text.trim() === '') return { state: 'empty' };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return {
      state: 'invalid',
      problems: [
        'This is not a file Sentio exported: it is not valid JSON (a bracket, comma or quote is out of place).',
      ],
    };
  }
  const parsed = ExportedConfigSchema.safeParse(input);
  return parsed.success
    ? { state: 'valid', file: parsed.data }
    : { state: 'invalid', problems: importProblems(input, parsed.error) };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Moves XLAs and plans between sites as one JSON file: export; import after a preview of its differences. */
export function ImportExport({ config, names, onImported }: ImportExportProps) {
  const ids = useId();
  const notify = useNotify();
  const exporting = useAction(exportConfig);
  const importing = useAction(importConfig);
  const [exported, setExported] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirming, setConfirming] = useState(false);
  const [serverProblems, setServerProblems] = useState<readonly string[]>([]);
  const checked = useMemo(() => check(text), [text]);
  const preview = checked.state === 'valid' ? previewImport(config, checked.file, mode, names) : null;

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
    notify.succeeded(
      'Configuration imported',
      `${count(file.xlas.length, 'XLA', 'XLAs')} and ${count(file.plans.length, 'plan', 'plans')}.`,
    );
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
          Export
        </h3>
        <div>
          <Button onClick={() => void runExport()} isLoading={exporting.pending}>
            Export JSON
          </Button>
        </div>
        {exported !== null ? (
          <TextArea aria-label="Exported configuration" isReadOnly value={exported} minimumRows={6} maxHeight="240px" />
        ) : null}
      </section>
      <section
        aria-labelledby={`${ids}-import`}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
      >
        <h3 id={`${ids}-import`} style={{ margin: 0, font: token('font.heading.xsmall') }}>
          Import
        </h3>
        <label htmlFor={`${ids}-file`}>Choose a file exported by Sentio, or paste its text below.</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
        />
        <TextArea
          aria-label="Configuration to import"
          value={text}
          minimumRows={6}
          maxHeight="240px"
          onChange={(e) => changeText(e.currentTarget.value)}
        />
        <ChoiceInput<'merge' | 'replace'>
          label="How"
          value={mode}
          options={[
            { value: 'merge', label: 'Merge (same ids are replaced)' },
            { value: 'replace', label: 'Replace everything' },
          ]}
          onChange={(m) => {
            setMode(m);
            setConfirming(false);
          }}
        />
        {problems.length > 0 ? (
          <Notice appearance="error" title="This file cannot be imported">
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
            title="Replace everything?"
            actions={[
              <Button key="yes" appearance="warning" onClick={() => void runImport(checked.file)}>
                Replace and remove {count(preview.notInFile.length, 'item', 'items')}
              </Button>,
              <Button key="no" appearance="subtle" onClick={() => setConfirming(false)}>
                Cancel
              </Button>,
            ]}
          >
            <p>
              {preview.notInFile.map((i) => `${i.kind} “${i.name}”`).join(', ')}{' '}
              {preview.notInFile.length === 1 ? 'is' : 'are'} not in the file and will be deleted. This cannot be
              undone; export the current configuration first if you may want it back.
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
              {mode === 'replace' ? 'Replace everything…' : 'Import'}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

function ItemList({ title, items, tone }: { title: string; items: readonly ItemChange[]; tone?: 'danger' }) {
  if (items.length === 0) return null;
  return (
    <div>
      <strong style={{ color: tone === 'danger' ? token('color.text.danger') : undefined }}>{title}</strong>
      <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
        {items.map((i) => (
          <li key={`${i.kind}-${i.name}`}>
            {i.kind === 'plan' ? 'Plan' : 'XLA'} “{i.name}”
            {i.changes.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
                {i.changes.map((c) => (
                  <li key={c.what}>
                    {c.what}: {c.before} → {c.after}
                  </li>
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
  const nothing = preview.added.length === 0 && preview.changed.length === 0 && !preview.removes;
  return (
    <section
      aria-label="What the import changes"
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
          ? 'This file matches the current configuration: importing it changes nothing.'
          : `Importing adds ${preview.added.length}, changes ${preview.changed.length}${mode === 'replace' ? ` and removes ${preview.notInFile.length}` : ''}; ${preview.unchanged.length} ${preview.unchanged.length === 1 ? 'stays as it is' : 'stay as they are'}.`}
      </strong>
      <ItemList title="Added" items={preview.added} />
      <ItemList title="Changed" items={preview.changed} />
      {mode === 'replace' ? (
        <ItemList title="Removed (not in the file)" items={preview.notInFile} tone="danger" />
      ) : (
        <ItemList title="Kept (not in the file)" items={preview.notInFile} />
      )}
    </section>
  );
}
