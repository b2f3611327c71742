/** Who administers the organisation settings. Kept apart from the zod schemas so routes stay light. */
import type { Role } from '@/features/auth'

export const ADMIN_ROLES = ['admin_head'] as const satisfies readonly Role[]
