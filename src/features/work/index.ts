/** Public API of the work feature. */
export { workRoutes } from './routes'
