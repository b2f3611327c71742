/**
 * What the session store needs from the device db (Dexie, the demo seed, the identity queries):
 * a chunk of its own, so the shell and the last-known Home paint before it has even loaded.
 */
export { getDb } from '@/platform/db'
export { DEFAULT_DEMO_USER_ID, seedDemoCompany } from './demoSeed'
export { getLocalUserId, observeIdentity, setLocalUserId } from './identityRepository'
