/** Public API of the rankings feature: rankings, rewards/penalties (卫生奖惩) and the template editor. */
export { rankingRoutes } from './routes'
