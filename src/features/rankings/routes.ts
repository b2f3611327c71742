import type { RouteRecordRaw } from 'vue-router'

export const rankingRoutes: RouteRecordRaw[] = []
