/**
 * What the session store needs from the device db (Dexie, the demo seed's gate, the identity
 * queries): a chunk of its own, so the shell and the last-known Home paint before it has even
 * loaded. The demo data itself is never in it (the seed runs in a worker).
 */
export { APP_DB_NAME, getDb } from '@/platform/db'
export { seedBeforeReads, startSeed } from './demoSeedGate'
export { getLocalUserId, observeIdentity, setLocalUserId } from './identityRepository'
