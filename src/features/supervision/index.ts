/** Public API of supervisory inspections (监督检查): routes and the Work entry. */
export { supervisionRoutes } from './routes'
export const loadSupervisionWork = () => import('./components/SupervisionWork.vue')
