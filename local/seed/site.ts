// The basic site: people in their roles and the two service projects with request types and SLA goals.
import type { LocalHost } from '../host.js';

export const HOUR = 3_600_000;
export const MIN = 60_000;
export const DAY = 24 * HOUR;

/** People of the basic site; ids look like Atlassian account ids so the app treats them as such. */
export const PEOPLE = {
  admins: [{ id: '5b10a2844c20165700ede21g', name: 'Ada Okafor' }],
  agents: [
    { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Sam Rivera', style: 'fast and brief' },
    { id: '5b10ac8d82e05b22cc7d4ef6', name: 'Priya Nair', style: 'thorough and warm' },
    { id: '5b10ac8d82e05b22cc7d4ef7', name: 'Max Keller', style: 'passes tickets on' },
    { id: '5b10ac8d82e05b22cc7d4ef8', name: 'Lena Varga', style: 'slow to first reply' },
  ],
  customers: [
    'Chris Doyle',
    'Mia Laurent',
    'Tom Becker',
    'Aisha Khan',
    'Jonas Berg',
    'Elena Rossi',
    'Omar Haddad',
    'Grace Liu',
    'Pablo Ortega',
    'Hannah Schmidt',
    'Kofi Mensah',
    'Yuki Tanaka',
    'Nora Fischer',
    'Ravi Patel',
  ].map((name, i) => ({ id: `qm:7c1d3e0f-5a11-4b2c-9d00-${String(100000000000 + i)}`, name })),
};

export const PROJECTS = [
  {
    key: 'IT',
    name: 'IT Service Desk',
    types: [
      { name: 'Get IT help', frt: 240, ttr: 2880 },
      { name: 'Report a system problem', frt: 60, ttr: 480 },
      { name: 'Request new software', frt: 480, ttr: 4320 },
      { name: 'Request access', frt: 240, ttr: 1440 },
    ],
  },
  {
    key: 'HR',
    name: 'HR Service Desk',
    types: [
      { name: 'Onboard a new hire', frt: 480, ttr: 7200 },
      { name: 'Payroll question', frt: 240, ttr: 2880 },
    ],
  },
];

export function seedBasicSite(host: LocalHost): void {
  const site = host.site;
  for (const a of PEOPLE.admins) site.addUser({ accountId: a.id, displayName: a.name, role: 'admin' });
  for (const a of PEOPLE.agents) site.addUser({ accountId: a.id, displayName: a.name, role: 'agent', style: a.style });
  for (const c of PEOPLE.customers) site.addUser({ accountId: c.id, displayName: c.name, role: 'customer' });
  for (const p of PROJECTS) {
    site.addProject({ key: p.key, name: p.name, lead: PEOPLE.admins[0]?.id });
    for (const t of p.types)
      site.addRequestType({ projectKey: p.key, name: t.name, frtGoalMin: t.frt, ttrGoalMin: t.ttr });
  }
}

/** A demo-only agent who works HR and has no browse permission on IT (the per-project permission setting). */
export const HR_ONLY_AGENT = { id: '5b10ac8d82e05b22cc7d4ef9', name: 'Hana Ito', style: 'HR only: no access to IT' };
