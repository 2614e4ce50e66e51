import Button from '@atlaskit/button/default/button';
import { Notice } from '../../ui/notice';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import {
  type ConfigView,
  ExportedConfigSchema,
  exportConfig,
  importConfig,
  type RecomputeStatus,
} from '@contracts/admin';
import { type FieldProblem, parseWith } from '@domain/validation';
import { useAction } from '../../api/client-context';
import { downloadText } from '../../ui/download';
import { useNotify } from '../../ui/flags';
import { ChoiceInput } from './inputs';

interface ImportExportProps {
  readonly version: number;
  readonly onImported: (config: ConfigView, recompute: RecomputeStatus | null) => void;
}

/** Moves XLAs and plans between sites as one JSON file, checked against the export schema. */
export function ImportExport({ version, onImported }: ImportExportProps) {
  const ids = useId();
  const notify = useNotify();
  const exporting = useAction(exportConfig);
  const importing = useAction(importConfig);
  const [exported, setExported] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);

  async function runExport() {
    const result = await exporting.run({});
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    const json = JSON.stringify(result.data, null, 2);
    setExported(json);
    downloadText('sentio-config.json', json, 'application/json');
  }

  async function runImport() {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      setProblems([{ field: '(file)', message: 'This is not valid JSON.' }]);
      return;
    }
    const parsed = parseWith(ExportedConfigSchema, input);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    const result = await importing.run({ config: parsed.value, mode, expectedVersion: version });
    if (result === null) return;
    if (!result.ok) {
      if (result.error.fields.length > 0) setProblems(result.error.fields);
      return notify.failed(result.error);
    }
    onImported(result.data.config, result.data.recompute);
    setText('');
    notify.succeeded(
      'Configuration imported',
      `${parsed.value.xlas.length} XLAs and ${parsed.value.plans.length} plans.`,
    );
  }

  async function readFile(file: File | undefined) {
    if (file === undefined) return;
    setText(await file.text());
  }

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
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ChoiceInput<'merge' | 'replace'>
          label="How"
          value={mode}
          options={[
            { value: 'merge', label: 'Merge (same ids are replaced)' },
            { value: 'replace', label: 'Replace everything' },
          ]}
          onChange={setMode}
        />
        {problems.length > 0 ? (
          <Notice appearance="error" title="This file cannot be imported">
            <ul style={{ margin: 0 }}>
              {problems.map((p, i) => (
                <li key={`${p.field}-${i}`}>
                  <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <div>
          <Button
            appearance="primary"
            isDisabled={text.trim() === ''}
            isLoading={importing.pending}
            onClick={() => void runImport()}
          >
            Import
          </Button>
        </div>
      </section>
    </div>
  );
}
