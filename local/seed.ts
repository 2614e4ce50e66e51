// Seeds the site: `seedBasicSite` (people and projects) and `seedDemo` (the app configured through its
// admin resolvers, then 90 simulated days of tickets); see local/seed/.
export { type DemoReport, type DemoSummary, DEMO_PLANS, seedDemo, summariseDemo } from './seed/demo.js';
export { HR_ONLY_AGENT, seedBasicSite } from './seed/site.js';
