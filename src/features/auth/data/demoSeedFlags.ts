/**
 * The meta keys that record the demo seed's parts (one per part: a device seeded before a part
 * existed gets that part once). Without the demo data: the start-up check needs only these.
 */
export const DEMO_SEED_KEY = 'demo_seeded_at'
/** Own flag for the custody demo (assets, labels, a few check-outs). */
export const DEMO_ASSETS_KEY = 'demo_assets_seeded_at'
/** Own flag for the checklists demo (areas + default templates): older devices get it once too. */
export const DEMO_AREAS_KEY = 'demo_areas_seeded_at'
/** Own flag for the dormitory demo (building, rooms, beds, stays). */
export const DEMO_DORMS_KEY = 'demo_dorms_seeded_at'

export const DEMO_SEED_FLAGS = [DEMO_SEED_KEY, DEMO_ASSETS_KEY, DEMO_AREAS_KEY, DEMO_DORMS_KEY] as const
