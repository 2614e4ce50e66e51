import Button from '@atlaskit/button/default/button';
import { Heading } from '../../ui/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useCallback, useState } from 'react';
import {
  type ConfigView,
  deletePlan,
  deleteXla,
  getConfig,
  getRecomputeStatus,
  listScopeOptions,
  type RecomputeStatus,
  savePlan,
  saveXla,
} from '@contracts/admin';
import type { Scope } from '@domain/scope';
import type { SurveyPlan } from '@domain/survey-plan';
import { defaultXla, type XlaDefinition } from '@domain/xla';
import type { CallError } from '../../api/client';
import { useAction, useCall } from '../../api/client-context';
import { useHost } from '../../app/host-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useNotify } from '../../ui/flags';
import { NoAccess } from '../../ui/no-access';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { PlanList, XlaList } from './config-lists';
import { NO_PROBLEMS, type Problems, toProblems } from './problems';
import { RecomputePanel } from './recompute-panel';
import { scopeNames } from './scope-names';
import { ScopeOptionsProvider, useScopeOptions } from './scope-options';
import { AdminMessages, useAdminT } from './admin-messages';
import { newPlan, uniqueId } from './new-plan';

/**
 * The editors, import/export and the audit log load when opened: the page starts with the lists
 * (and within its budget), and an admin who only looks never downloads the editors.
 */
const XlaEditor = lazy(() => import('./xla-editor').then((m) => ({ default: m.XlaEditor })));
const PlanEditor = lazy(() => import('./plan-editor').then((m) => ({ default: m.PlanEditor })));
const ImportExport = lazy(() => import('./import-export').then((m) => ({ default: m.ImportExport })));
const AuditLog = lazy(() => import('./audit-log').then((m) => ({ default: m.AuditLog })));

type Editing =
  | { readonly kind: 'xla'; readonly item: XlaDefinition; readonly isNew: boolean }
  | { readonly kind: 'plan'; readonly item: SurveyPlan; readonly isNew: boolean };

/** Where a project settings page narrows everything to one project (null on the admin page). */
function useProjectScope(): string | null {
  const { context } = useHost();
  if (context.moduleKey !== 'sentio-project-settings') return null;
  return context.extension.project?.id ?? null;
}

function inProject(scope: Scope, projectId: string | null): boolean {
  return projectId === null || scope.projectIds.length === 0 || scope.projectIds.includes(projectId);
}

function newXla(taken: readonly string[], projectId: string | null): XlaDefinition {
  const base = defaultXla();
  return {
    ...base,
    id: uniqueId(base.id, taken),
    scope: { ...base.scope, projectIds: projectId !== null ? [projectId] : [] },
  };
}

/** The configure page (and project settings): XLAs, survey plans, import/export, audit, recompute. */
export default function AdminPage() {
  return (
    <AdminMessages>
      <AdminPageIn />
    </AdminMessages>
  );
}

function AdminPageIn() {
  const t = useAdminT();
  // Both calls start on mount, together: one round of invokes before anything shows.
  const config = useCall(getConfig, {});
  const recompute = useCall(getRecomputeStatus, {});
  // Names for the lists' scopes and the editors' pickers; the lists show while it is on its way.
  const scopeOptions = useCall(listScopeOptions, {});
  if (config.loaded.state === 'loading') return <ViewSkeleton lines={6} />;
  if (config.loaded.state === 'error')
    return config.loaded.error.code === 'forbidden' ? (
      <NoAccess message={config.loaded.error.message} hint={t('noAccess')} />
    ) : (
      <CallErrorMessage error={config.loaded.error} onRetry={config.reload} />
    );
  const status = recompute.loaded.state === 'ok' ? recompute.loaded.data.status : null;
  return (
    <ScopeOptionsProvider loaded={scopeOptions.loaded}>
      <ConfigEditor
        config={config.loaded.data}
        onConfig={config.replace}
        status={status}
        onStatus={(s) => recompute.replace({ status: s })}
      />
    </ScopeOptionsProvider>
  );
}

interface ConfigEditorProps {
  readonly config: ConfigView;
  readonly onConfig: (c: ConfigView) => void;
  readonly status: RecomputeStatus | null;
  readonly onStatus: (s: RecomputeStatus | null) => void;
}

function ConfigEditor({ config, onConfig, status, onStatus }: ConfigEditorProps) {
  const projectId = useProjectScope();
  const notify = useNotify();
  const t = useAdminT();
  const [opening, setOpening] = useState(false);
  const [tab, setTab] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [serverProblems, setServerProblems] = useState<Problems>(NO_PROBLEMS);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const xlaSave = useAction(saveXla);
  const planSave = useAction(savePlan);
  const xlaDelete = useAction(deleteXla);
  const planDelete = useAction(deletePlan);
  const scopeOptions = useScopeOptions();
  const names = scopeNames(scopeOptions.state === 'ok' ? scopeOptions.data : null, t);
  const stableOnStatus = useCallback((s: RecomputeStatus | null) => onStatus(s), [onStatus]);

  function refused(error: CallError) {
    if (error.code === 'validation') setServerProblems(toProblems(error.fields));
    notify.failed(error);
  }

  async function saveXlaDraft(xla: XlaDefinition) {
    const result = await xlaSave.run({ xla, expectedVersion: config.version });
    if (result === null) return;
    if (!result.ok) return refused(result.error);
    onConfig(result.data.config);
    if (result.data.recompute !== null) onStatus(result.data.recompute);
    setEditing(null);
    notify.succeeded(t('saved.xla'), result.data.recompute !== null ? t('saved.recomputing') : undefined);
  }

  async function savePlanDraft(plan: SurveyPlan) {
    const result = await planSave.run({ plan, expectedVersion: config.version });
    if (result === null) return;
    if (!result.ok) return refused(result.error);
    onConfig(result.data.config);
    setEditing(null);
    // The answer carries `recompute: null`: plans decide when to ask, not how answers are scored.
    notify.succeeded(t('saved.plan'), t('saved.planNote'));
  }

  async function remove(kind: 'xla' | 'plan', id: string, name: string) {
    if (!window.confirm(t('confirmDelete', { name }))) return;
    setDeletingId(id);
    const result =
      kind === 'xla'
        ? await xlaDelete.run({ id, expectedVersion: config.version })
        : await planDelete.run({ id, expectedVersion: config.version });
    setDeletingId(null);
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    onConfig(result.data.config);
    notify.succeeded(t('deleted', { name }));
  }

  /** A new plan is worded in every locale from the message files, fetched when first asked for. */
  async function startPlan() {
    setOpening(true);
    try {
      const item = await newPlan(
        config.plans.map((p) => p.id),
        projectId,
        t,
      );
      edit({ kind: 'plan', item, isNew: true });
    } finally {
      setOpening(false);
    }
  }

  function edit(next: Editing) {
    setServerProblems(NO_PROBLEMS);
    setEditing(next);
  }

  if (editing !== null) {
    const locked = projectId ?? undefined;
    return (
      <div style={{ padding: token('space.100') }}>
        <Suspense fallback={<ViewSkeleton lines={8} />}>
          {editing.kind === 'xla' ? (
            <XlaEditor
              initial={editing.item}
              isNew={editing.isNew}
              saving={xlaSave.pending}
              serverProblems={serverProblems}
              lockedProjectId={locked}
              onSave={(x) => void saveXlaDraft(x)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <PlanEditor
              initial={editing.item}
              isNew={editing.isNew}
              saving={planSave.pending}
              serverProblems={serverProblems}
              lockedProjectId={locked}
              onSave={(p) => void savePlanDraft(p)}
              onCancel={() => setEditing(null)}
            />
          )}
        </Suspense>
      </div>
    );
  }

  const xlas = config.xlas.filter((x) => inProject(x.scope, projectId));
  const plans = config.plans.filter((p) => inProject(p.scope, projectId));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), padding: token('space.100') }}>
      <Heading size="medium" as="h1">
        {projectId !== null ? t('projectTitle') : t('title')}
      </Heading>
      <RecomputePanel status={status} onStatus={stableOnStatus} />
      <Tabs id="sentio-admin-tabs" selected={tab} onChange={setTab}>
        <TabList>
          <Tab>{t('tab.xlas')}</Tab>
          <Tab>{t('tab.plans')}</Tab>
          <Tab>{t('tab.io')}</Tab>
          <Tab>{t('tab.audit')}</Tab>
        </TabList>
        <TabPanel>
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              gap: token('space.150'),
              paddingTop: token('space.150'),
              width: '100%',
            }}
          >
            <div>
              <Button
                appearance="primary"
                onClick={() =>
                  edit({
                    kind: 'xla',
                    item: newXla(
                      config.xlas.map((x) => x.id),
                      projectId,
                    ),
                    isNew: true,
                  })
                }
              >
                {t('newXla')}
              </Button>
            </div>
            <XlaList
              items={xlas}
              names={names}
              deletingId={deletingId}
              onEdit={(item) => edit({ kind: 'xla', item, isNew: false })}
              onDelete={(x) => void remove('xla', x.id, x.name)}
            />
          </div>
        </TabPanel>
        <TabPanel>
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              gap: token('space.150'),
              paddingTop: token('space.150'),
              width: '100%',
            }}
          >
            <div>
              <Button appearance="primary" isLoading={opening} onClick={() => void startPlan()}>
                {t('newPlan')}
              </Button>
            </div>
            <PlanList
              items={plans}
              names={names}
              deletingId={deletingId}
              onEdit={(item) => edit({ kind: 'plan', item, isNew: false })}
              onDelete={(p) => void remove('plan', p.id, p.name)}
            />
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ paddingTop: token('space.150'), width: '100%' }}>
            <Suspense fallback={<ViewSkeleton lines={4} />}>
              {tab === 2 ? (
                <ImportExport
                  config={config}
                  names={names}
                  onImported={(c, r) => {
                    onConfig(c);
                    if (r !== null) onStatus(r);
                  }}
                />
              ) : null}
            </Suspense>
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ paddingTop: token('space.150'), width: '100%' }}>
            <Suspense fallback={<ViewSkeleton lines={4} />}>{tab === 3 ? <AuditLog config={config} /> : null}</Suspense>
          </div>
        </TabPanel>
      </Tabs>
    </div>
  );
}
