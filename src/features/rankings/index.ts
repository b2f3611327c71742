/**
 * Public API of the rankings feature: 卫生排名 (rankings by area, department and person),
 * 卫生奖惩 (reward/penalty rules and the ledger) and the checklist template editor.
 */
export { rankingRoutes } from './routes'
export { RANKING_READ_ROLES, REWARD_EDIT_ROLES, LEDGER_READ_ROLES, TEMPLATE_EDIT_ROLES } from './domain/access'
/** The Work tab's entries, loaded lazily so the first screen does not carry them. */
export const loadRankingsWork = () => import('./components/RankingsWork.vue')
