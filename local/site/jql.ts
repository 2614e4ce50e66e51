// A JQL subset, enough for queues and the app's searches:
//   clause (AND clause)* [ORDER BY field [ASC|DESC]]
//   clause := field (= | != | > | >= | < | <= | ~) value | field [NOT] IN (v, …) | field IS [NOT] EMPTY
// Fields: project, key/issuekey, status, statusCategory, reporter, assignee, created, updated,
// resolution, resolutiondate, requestType, and any searchAlias declared by a jira:entityProperty module.
// Anything else fails with Jira's 400 shape, so an unsupported query is visible, not silently empty.
import type { Issue, JiraSite } from './site.js';
import { STATUS_CATEGORIES } from './site.js';

export interface PropertyAlias {
  alias: string;
  propertyKey: string;
  path: string;
  type: string;
}

export class JqlError extends Error {}

type Token = { t: 'word' | 'str' | 'op' | 'lp' | 'rp' | 'comma'; v: string };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const end = q.indexOf(c, i + 1);
      if (end < 0) throw new JqlError('Error in the JQL Query: unterminated string.');
      out.push({ t: 'str', v: q.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(') {
      out.push({ t: 'lp', v: c });
      i += 1;
    } else if (c === ')') {
      out.push({ t: 'rp', v: c });
      i += 1;
    } else if (c === ',') {
      out.push({ t: 'comma', v: c });
      i += 1;
    } else if (/[=!<>~]/.test(c)) {
      const two = q.slice(i, i + 2);
      const op = ['!=', '>=', '<=', '!~'].includes(two) ? two : c;
      out.push({ t: 'op', v: op });
      i += op.length;
    } else {
      const m = /^[^\s=!<>~(),"']+/.exec(q.slice(i));
      const word = m?.[0] ?? c;
      out.push({ t: 'word', v: word });
      i += word.length;
    }
  }
  return out;
}

type Pred = (issue: Issue) => boolean;

function relativeTime(v: string, now: number): number | undefined {
  const m = /^(-?\d+)([mhdw])$/.exec(v);
  if (m) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
    return now + Number(m[1]) * unit;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

export function compileJql(
  site: JiraSite,
  jql: string,
  aliases: PropertyAlias[],
  now: number,
): { where: Pred; order: (a: Issue, b: Issue) => number } {
  const tokens = tokenize(jql);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos];
    if (!t) throw new JqlError('Error in the JQL Query: unexpected end of query.');
    pos += 1;
    return t;
  };
  const isWord = (w: string): boolean => peek()?.t === 'word' && peek()?.v.toLowerCase() === w;

  const value = (): string => {
    const t = next();
    if (t.t !== 'word' && t.t !== 'str')
      throw new JqlError(`Error in the JQL Query: expected a value but got '${t.v}'.`);
    return t.v;
  };

  const fieldGetter = (field: string): ((i: Issue) => unknown) => {
    const f = field.toLowerCase();
    switch (f) {
      case 'project':
        return (i) => [i.projectId, site.project(i.projectId)?.key];
      case 'key':
      case 'issuekey':
      case 'id':
        return (i) => [i.key, i.id];
      case 'status':
        return (i) => [i.statusId, site.status(i.statusId)?.name];
      case 'statuscategory':
        return (i) => {
          const cat = site.status(i.statusId)?.category ?? 'new';
          return [cat, STATUS_CATEGORIES[cat].name, String(STATUS_CATEGORIES[cat].id)];
        };
      case 'reporter':
        return (i) => i.reporter;
      case 'assignee':
        return (i) => i.assignee;
      case 'created':
        return (i) => i.created;
      case 'updated':
        return (i) => i.updated;
      case 'resolution':
        return (i) => i.resolution;
      case 'resolutiondate':
        return (i) => i.resolutionDate;
      case 'requesttype':
      case '"customer request type"':
        return (i) => [i.requestTypeId, site.requestType(i.requestTypeId)?.name];
      default: {
        const alias = aliases.find((a) => a.alias.toLowerCase() === f);
        if (!alias) throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
        return (i) => {
          let v: unknown = site.property(i.id, alias.propertyKey);
          for (const part of alias.path.split('.'))
            v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
          return v;
        };
      }
    }
  };

  const eq = (actual: unknown, v: string): boolean => {
    if (Array.isArray(actual)) return actual.some((a) => eq(a, v));
    if (actual === null || actual === undefined) return false;
    if (typeof actual === 'number') return actual === Number(v);
    return String(actual).toLowerCase() === v.toLowerCase();
  };

  const clause = (): Pred => {
    if (peek()?.t === 'lp') {
      next();
      const p = expr();
      if (next().t !== 'rp') throw new JqlError("Error in the JQL Query: expected ')'.");
      return p;
    }
    const fieldTok = next();
    const field = fieldTok.v;
    const get = fieldGetter(field);
    const isTime = ['created', 'updated', 'resolutiondate'].includes(field.toLowerCase());
    if (isWord('is')) {
      next();
      const negate = isWord('not');
      if (negate) next();
      const w = value().toLowerCase();
      if (w !== 'empty' && w !== 'null') throw new JqlError('Error in the JQL Query: expected EMPTY.');
      return (i) => {
        const v = get(i);
        const empty = v === null || v === undefined;
        return negate ? !empty : empty;
      };
    }
    let negate = false;
    if (isWord('not')) {
      next();
      negate = true;
    }
    if (isWord('in')) {
      next();
      if (next().t !== 'lp') throw new JqlError("Error in the JQL Query: expected '('.");
      const vals: string[] = [];
      while (peek() && peek()?.t !== 'rp') {
        vals.push(value());
        if (peek()?.t === 'comma') next();
      }
      next();
      return (i) => vals.some((v) => eq(get(i), v)) !== negate;
    }
    const op = next();
    if (op.t !== 'op') throw new JqlError(`Error in the JQL Query: expected an operator after '${field}'.`);
    const raw = value();
    if (['>', '>=', '<', '<='].includes(op.v)) {
      const target = isTime ? relativeTime(raw, now) : Number(raw);
      if (target === undefined || Number.isNaN(target))
        throw new JqlError(`Error in the JQL Query: '${raw}' is not a valid value for '${field}'.`);
      return (i) => {
        const v = get(i);
        if (typeof v !== 'number') return false;
        return op.v === '>' ? v > target : op.v === '>=' ? v >= target : op.v === '<' ? v < target : v <= target;
      };
    }
    if (op.v === '~' || op.v === '!~') throw new JqlError(`The operator '${op.v}' is not supported by the local host.`);
    return op.v === '!=' ? (i) => !eq(get(i), raw) : (i) => eq(get(i), raw);
  };

  const conj = (): Pred => {
    let left = clause();
    while (isWord('and')) {
      next();
      const right = clause();
      const l = left;
      left = (i) => l(i) && right(i);
    }
    return left;
  };

  const expr = (): Pred => {
    let left = conj();
    while (isWord('or')) {
      next();
      const right = conj();
      const l = left;
      left = (i) => l(i) || right(i);
    }
    return left;
  };

  let where: Pred = () => true;
  if (tokens.length > 0 && !isWord('order')) where = expr();
  let order = (a: Issue, b: Issue): number => b.created - a.created || Number(b.id) - Number(a.id);
  if (isWord('order')) {
    next();
    if (!isWord('by')) throw new JqlError("Error in the JQL Query: expected 'by'.");
    next();
    const field = value();
    const dir = isWord('asc') ? (next(), 1) : isWord('desc') ? (next(), -1) : -1;
    const get = fieldGetter(field);
    order = (a, b) => {
      const av = get(a);
      const bv = get(b);
      const x = Array.isArray(av) ? av[0] : av;
      const y = Array.isArray(bv) ? bv[0] : bv;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x ?? '').localeCompare(String(y ?? ''), 'en', { numeric: true }) * dir;
    };
  }
  if (pos < tokens.length) throw new JqlError(`Error in the JQL Query: unexpected '${tokens[pos]?.v ?? ''}'.`);
  return { where, order };
}
