/**
 * Public API of the admin feature (organisation settings for the head of administration).
 * Schemas stay internal: exporting them here would pull zod into the first screen.
 */
export { adminRoutes } from './routes'
export { ADMIN_ROLES } from './domain/access'
export type { Department, Site } from './domain/department'
