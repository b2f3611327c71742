/** Public API of the home feature. */
export { homeRoutes } from './routes'
export { todoSectionsFor, TODO_SECTIONS, type TodoSection } from './domain/todoSections'
