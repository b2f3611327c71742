/** Public API of the "Me" feature (profile, language, account, sync status). Routes only: pages load lazily. */
export { meRoutes } from './routes'
