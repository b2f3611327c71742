/** Public API of the seals feature: the seal-use register (用印登记), its register view and the periodic check. */
export { sealRoutes } from './routes'
export { SEAL_KEEPER_ROLES, SEAL_REGISTER_ROLES } from './domain/access'
