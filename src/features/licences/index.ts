/** Public API of the licences feature: the "due within 30 days" list. */
export { licenceRoutes, LICENCE_ROLES } from './routes'
