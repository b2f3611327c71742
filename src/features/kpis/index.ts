/** Public API of the KPIs (考核指标): routes and the Work entry. Pages, the store and Chart.js load lazily. */
export { kpiRoutes } from './routes'
export const loadKpisWork = () => import('./components/KpisWork.vue')
