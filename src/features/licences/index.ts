/** Public API of the licences feature: the "due within 30 days" list; 证照办理's work after approval (on the application page). */
export { licenceRoutes, LICENCE_ROLES } from './routes'
export { useLicenceWork } from './composables/useLicenceWork'
export { licenceTimeline, type TimelineLine } from './domain/timeline'
export const LicenceWorkPanel = () => import('./components/LicenceWorkPanel.vue')
export const LicenceMaterialsEditor = () => import('./components/LicenceMaterialsEditor.vue')
