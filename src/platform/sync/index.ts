export * from './protocol'
export { buildOp, commitWithOutbox, pendingEntityIds } from './outbox'
