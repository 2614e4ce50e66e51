import type { Scope } from '../../../../src/domain/scope';
import { FormRow, ListInput } from './inputs';
import type { Problems } from './problems';

/** Projects, request types and priorities a plan or an XLA covers; empty means any. */
export function ScopeFields({ scope, onChange, problems, lockedProjectId }: { scope: Scope; onChange: (s: Scope) => void; problems: Problems; lockedProjectId?: string | undefined }) {
  return (
    <FormRow>
      <ListInput
        label="Projects (ids)"
        hint={lockedProjectId !== undefined ? 'Project settings edit this project only.' : 'Comma separated; empty = every project.'}
        value={scope.projectIds}
        error={problems.get('scope.projectIds')}
        onChange={(projectIds) => onChange({ ...scope, projectIds: lockedProjectId !== undefined ? [lockedProjectId] : projectIds })}
      />
      <ListInput
        label="Request types (ids)"
        hint="Empty = every request type."
        value={scope.requestTypeIds}
        error={problems.get('scope.requestTypeIds')}
        onChange={(requestTypeIds) => onChange({ ...scope, requestTypeIds })}
      />
      <ListInput
        label="Priorities"
        hint="Empty = every priority."
        value={scope.priorities}
        error={problems.get('scope.priorities')}
        onChange={(priorities) => onChange({ ...scope, priorities })}
      />
    </FormRow>
  );
}
