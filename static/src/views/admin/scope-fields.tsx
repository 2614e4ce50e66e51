import { token } from '@atlaskit/tokens';
import type { ScopeOptions } from '@contracts/admin';
import type { Scope } from '@domain/scope';
import { FormRow, ListInput } from './inputs';
import { OptionPicker } from './option-picker';
import type { Problems } from './problems';
import { useScopeOptions } from './scope-options';

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
  const loaded = useScopeOptions();
  if (loaded.state === 'ok') return <ScopePickers {...props} options={loaded.data} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <TypedScope {...props} />
      <span role="status" style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
        {loaded.state === 'loading'
          ? 'Loading the projects, request types and priorities of this site…'
          : 'Jira did not list the projects, request types and priorities: type their ids.'}
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
  const projectKey = new Map(options.projects.map((p) => [p.id, p.key]));
  const projects =
    lockedProjectId !== undefined ? options.projects.filter((p) => p.id === lockedProjectId) : options.projects;
  // Request types of the chosen projects only (all when any project is in scope).
  const inProjects = (projectId: string) => scope.projectIds.length === 0 || scope.projectIds.includes(projectId);
  const requestTypes = options.requestTypes.filter((rt) => inProjects(rt.projectId));
  return (
    <FormRow>
      <OptionPicker
        label="Projects"
        noneMeans="every project"
        hint={lockedProjectId !== undefined ? 'Project settings edit this project only.' : undefined}
        disabled={lockedProjectId !== undefined}
        options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.key})` }))}
        selected={scope.projectIds}
        error={problems.get('scope.projectIds')}
        onChange={(projectIds) => onChange({ ...scope, projectIds })}
      />
      <OptionPicker
        label="Request types"
        noneMeans="every request type"
        options={requestTypes.map((rt) => ({
          value: rt.id,
          label: `${rt.name} (${projectKey.get(rt.projectId) ?? rt.projectId})`,
        }))}
        selected={scope.requestTypeIds}
        error={problems.get('scope.requestTypeIds')}
        onChange={(requestTypeIds) => onChange({ ...scope, requestTypeIds })}
      />
      <OptionPicker
        label="Priorities"
        noneMeans="every priority"
        options={options.priorities.map((p) => ({ value: p.id, label: p.name }))}
        selected={scope.priorities}
        error={problems.get('scope.priorities')}
        onChange={(priorities) => onChange({ ...scope, priorities })}
      />
    </FormRow>
  );
}

function TypedScope({ scope, onChange, problems, lockedProjectId }: ScopeFieldsProps) {
  return (
    <FormRow>
      <ListInput
        label="Projects (ids)"
        hint={
          lockedProjectId !== undefined
            ? 'Project settings edit this project only.'
            : 'Comma separated; empty = every project.'
        }
        value={scope.projectIds}
        error={problems.get('scope.projectIds')}
        onChange={(projectIds) =>
          onChange({ ...scope, projectIds: lockedProjectId !== undefined ? [lockedProjectId] : projectIds })
        }
      />
      <ListInput
        label="Request types (ids)"
        hint="Empty = every request type."
        value={scope.requestTypeIds}
        error={problems.get('scope.requestTypeIds')}
        onChange={(requestTypeIds) => onChange({ ...scope, requestTypeIds })}
      />
      <ListInput
        label="Priorities (ids)"
        hint="Empty = every priority."
        value={scope.priorities}
        error={problems.get('scope.priorities')}
        onChange={(priorities) => onChange({ ...scope, priorities })}
      />
    </FormRow>
  );
}
