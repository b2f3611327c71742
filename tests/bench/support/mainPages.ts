/**
 * Each role's main pages, as the benches visit them (issue 13, issue 14): the path a fresh
 * device opens, and the test id of the element that says the page itself is on screen.
 */
import demo from '@/platform/demo/demo-company.json'

const idOf = (number: string) => demo.assets.find((a) => a.number === number)?.id ?? ''
/** A bed with a stay waiting for check-in (the dorm check-in bench's bed). */
const stayToCheckIn = demo.dorms.stays.find((s) => !s.checked_in)

export interface MainPage {
  name: string
  path: string
  /** data-testid of the page's own root (or, for Home, its greeting). */
  shown: string
}

export const MAIN_PAGES: MainPage[] = [
  { name: 'Home', path: '/', shown: 'home-greeting' },
  { name: 'Scan', path: '/scan', shown: 'scan-page' },
  { name: 'Asset page', path: `/assets/${idOf('EQP-0001')}`, shown: 'asset-page' },
  { name: 'Inspection', path: `/inspect/${demo.areas[0]?.id ?? ''}`, shown: 'inspect-page' },
  { name: 'Fuel form', path: `/vehicles/${idOf('VEH-0001')}/fuel`, shown: 'fuel-page' },
  { name: 'Seal-use form', path: `/seals/${idOf('SEAL-0001')}/usage/new`, shown: 'seal-usage-form' },
  { name: 'Requests inbox', path: '/requests?tab=inbox', shown: 'requests-page' },
  // The pages issues 10, 11 and 14 added.
  { name: 'Dorm check-in', path: `/dorms/beds/${stayToCheckIn?.bed_id ?? ''}/check-in`, shown: 'checkin-page' },
  { name: 'Tasks', path: '/tasks', shown: 'task-list-page' },
  { name: 'KPI dashboard', path: '/kpis', shown: 'kpi-dashboard' },
]
