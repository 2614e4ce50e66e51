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

/** A field's value(s) on an issue: system fields, and the manifest's searchable issue properties. */
function fieldGetter(site: JiraSite, aliases: PropertyAlias[], field: string): (i: Issue) => unknown {
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
    default:
      return propertyGetter(aliases, field, site);
  }
}

function propertyGetter(aliases: PropertyAlias[], field: string, site: JiraSite): (i: Issue) => unknown {
  const alias = aliases.find((a) => a.alias.toLowerCase() === field.toLowerCase());
  if (!alias) throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  return (i) => {
    let v: unknown = site.property(i.id, alias.propertyKey);
    for (const part of alias.path.split('.'))
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
    return v;
  };
}

function eq(actual: unknown, v: string): boolean {
  if (Array.isArray(actual)) return actual.some((a) => eq(a, v));
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'number') return actual === Number(v);
  return String(actual).toLowerCase() === v.toLowerCase();
}

/** A recursive-descent parser of the JQL subset: clauses joined by AND/OR, parentheses, ORDER BY. */
class JqlParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly field: (name: string) => (i: Issue) => unknown,
    private readonly now: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (!t) throw new JqlError('Error in the JQL Query: unexpected end of query.');
    this.pos += 1;
    return t;
  }

  private isWord(w: string): boolean {
    return this.peek()?.t === 'word' && this.peek()?.v.toLowerCase() === w;
  }

  private value(): string {
    const t = this.next();
    if (t.t !== 'word' && t.t !== 'str')
      throw new JqlError(`Error in the JQL Query: expected a value but got '${t.v}'.`);
    return t.v;
  }

  /** `field IS [NOT] EMPTY` */
  private emptiness(get: (i: Issue) => unknown): Pred {
    this.next();
    const negate = this.isWord('not');
    if (negate) this.next();
    const w = this.value().toLowerCase();
    if (w !== 'empty' && w !== 'null') throw new JqlError('Error in the JQL Query: expected EMPTY.');
    return (i) => {
      const v = get(i);
      const empty = v === null || v === undefined;
      return negate ? !empty : empty;
    };
  }

  /** `field [NOT] IN (a, b, …)` */
  private membership(get: (i: Issue) => unknown, negate: boolean): Pred {
    this.next();
    if (this.next().t !== 'lp') throw new JqlError("Error in the JQL Query: expected '('.");
    const vals: string[] = [];
    while (this.peek() && this.peek()?.t !== 'rp') {
      vals.push(this.value());
      if (this.peek()?.t === 'comma') this.next();
    }
    this.next();
    return (i) => vals.some((v) => eq(get(i), v)) !== negate;
  }

  /** `field op value` with =, !=, >, >=, <, <= (times as dates or relative like -1d). */
  private comparison(field: string, get: (i: Issue) => unknown): Pred {
    const op = this.next();
    if (op.t !== 'op') throw new JqlError(`Error in the JQL Query: expected an operator after '${field}'.`);
    const raw = this.value();
    if (['>', '>=', '<', '<='].includes(op.v)) {
      const isTime = ['created', 'updated', 'resolutiondate'].includes(field.toLowerCase());
      const target = isTime ? relativeTime(raw, this.now) : Number(raw);
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
  }

  private clause(): Pred {
    if (this.peek()?.t === 'lp') {
      this.next();
      const p = this.expr();
      if (this.next().t !== 'rp') throw new JqlError("Error in the JQL Query: expected ')'.");
      return p;
    }
    const field = this.next().v;
    const get = this.field(field);
    if (this.isWord('is')) return this.emptiness(get);
    const negate = this.isWord('not');
    if (negate) this.next();
    if (this.isWord('in')) return this.membership(get, negate);
    return this.comparison(field, get);
  }

  private conj(): Pred {
    let left = this.clause();
    while (this.isWord('and')) {
      this.next();
      const right = this.clause();
      const l = left;
      left = (i) => l(i) && right(i);
    }
    return left;
  }

  private expr(): Pred {
    let left = this.conj();
    while (this.isWord('or')) {
      this.next();
      const right = this.conj();
      const l = left;
      left = (i) => l(i) || right(i);
    }
    return left;
  }

  private orderBy(): (a: Issue, b: Issue) => number {
    this.next();
    if (!this.isWord('by')) throw new JqlError("Error in the JQL Query: expected 'by'.");
    this.next();
    const get = this.field(this.value());
    const dir = this.isWord('asc') ? (this.next(), 1) : this.isWord('desc') ? (this.next(), -1) : -1;
    return (a, b) => {
      const av = get(a);
      const bv = get(b);
      const x = Array.isArray(av) ? av[0] : av;
      const y = Array.isArray(bv) ? bv[0] : bv;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x ?? '').localeCompare(String(y ?? ''), 'en', { numeric: true }) * dir;
    };
  }

  parse(): { where: Pred; order: (a: Issue, b: Issue) => number } {
    let where: Pred = () => true;
    if (this.tokens.length > 0 && !this.isWord('order')) where = this.expr();
    let order = (a: Issue, b: Issue): number => b.created - a.created || Number(b.id) - Number(a.id);
    if (this.isWord('order')) order = this.orderBy();
    if (this.pos < this.tokens.length)
      throw new JqlError(`Error in the JQL Query: unexpected '${this.tokens[this.pos]?.v ?? ''}'.`);
    return { where, order };
  }
}

export function compileJql(
  site: JiraSite,
  jql: string,
  aliases: PropertyAlias[],
  now: number,
): { where: Pred; order: (a: Issue, b: Issue) => number } {
  return new JqlParser(tokenize(jql), (field) => fieldGetter(site, aliases, field), now).parse();
}
