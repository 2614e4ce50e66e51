import { token } from '@atlaskit/tokens';
import type { ScopeOptions } from '@contracts/admin';
import type { Scope } from '@domain/scope';
import { FormRow, ListInput } from './inputs';
import { OptionPicker } from './option-picker';
import type { Problems } from './problems';
import { useScopeOptions } from './scope-options';
import { useAdminT } from './admin-messages';

interface ScopeFieldsProps {
  readonly scope: Scope;
  readonly onChange: (s: Scope) => void;
  readonly problems: Problems;
  readonly lockedProjectId?: string | undefined;
}

/**
 * Projects, request types and priorities a plan or an XLA covers; empty means any. The site's lists
 * load with the page (scope-options.tsx); until they arrive, or if Jira cannot list them, the ids
 * can be typed.
 */
export function ScopeFields(props: ScopeFieldsProps) {
  const t = useAdminT();
  const loaded = useScopeOptions();
  if (loaded.state === 'ok') return <ScopePickers {...props} options={loaded.data} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <TypedScope {...props} />
      <span role="status" style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
        {loaded.state === 'loading' ? t('scopeField.loading') : t('scopeField.failed')}
      </span>
    </div>
  );
}

function ScopePickers({
  scope,
  onChange,
  problems,
  lockedProjectId,
  options,
}: ScopeFieldsProps & { options: ScopeOptions }) {
  const t = useAdminT();
  const projectKey = new Map(options.projects.map((p) => [p.id, p.key]));
  const projects =
    lockedProjectId !== undefined ? options.projects.filter((p) => p.id === lockedProjectId) : options.projects;
  // Request types of the chosen projects only (all when any project is in scope).
  const inProjects = (projectId: string) => scope.projectIds.length === 0 || scope.projectIds.includes(projectId);
  const requestTypes = options.requestTypes.filter((rt) => inProjects(rt.projectId));
  return (
    <FormRow>
      <OptionPicker
        label={t('scopeField.projects')}
        noneMeans={t('scopeField.everyProject')}
        hint={lockedProjectId !== undefined ? t('scopeField.locked') : undefined}
        disabled={lockedProjectId !== undefined}
        options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.key})` }))}
        selected={scope.projectIds}
        error={problems.get('scope.projectIds')}
        onChange={(projectIds) => onChange({ ...scope, projectIds })}
      />
      <OptionPicker
        label={t('scopeField.requestTypes')}
        noneMeans={t('scopeField.everyRequestType')}
        options={requestTypes.map((rt) => ({
          value: rt.id,
          label: `${rt.name} (${projectKey.get(rt.projectId) ?? rt.projectId})`,
        }))}
        selected={scope.requestTypeIds}
        error={problems.get('scope.requestTypeIds')}
        onChange={(requestTypeIds) => onChange({ ...scope, requestTypeIds })}
      />
      <OptionPicker
        label={t('scopeField.priorities')}
        noneMeans={t('scopeField.everyPriority')}
        options={options.priorities.map((p) => ({ value: p.id, label: p.name }))}
        selected={scope.priorities}
        error={problems.get('scope.priorities')}
        onChange={(priorities) => onChange({ ...scope, priorities })}
      />
    </FormRow>
  );
}

function TypedScope({ scope, onChange, problems, lockedProjectId }: ScopeFieldsProps) {
  const t = useAdminT();
  return (
    <FormRow>
      <ListInput
        label={t('scopeField.projectIds')}
        hint={lockedProjectId !== undefined ? t('scopeField.locked') : t('scopeField.projectIdsHint')}
        value={scope.projectIds}
        error={problems.get('scope.projectIds')}
        onChange={(projectIds) =>
          onChange({ ...scope, projectIds: lockedProjectId !== undefined ? [lockedProjectId] : projectIds })
        }
      />
      <ListInput
        label={t('scopeField.requestTypeIds')}
        hint={t('scopeField.requestTypeIdsHint')}
        value={scope.requestTypeIds}
        error={problems.get('scope.requestTypeIds')}
        onChange={(requestTypeIds) => onChange({ ...scope, requestTypeIds })}
      />
      <ListInput
        label={t('scopeField.priorityIds')}
        hint={t('scopeField.priorityIdsHint')}
        value={scope.priorities}
        error={problems.get('scope.priorities')}
        onChange={(priorities) => onChange({ ...scope, priorities })}
      />
    </FormRow>
  );
}
