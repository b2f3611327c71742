/** Public API of the requests engine (申请与审批). Light modules only: pages and the store load lazily. */
export { requestRoutes } from './routes'
export { REQUEST_TODO_SECTIONS, loadRequestTodo } from './todo'
export { approvedWaiting } from './data/requestReads'
export { sealLinkWrite, sealLinks, sealLinkFlag, type SealLink } from './data/sealLink'
export const loadRequestWork = () => import('./components/RequestWork.vue')
export { namesAsset, parseRequestCode, pickProblem, requestUrl, type PickProblem } from './domain/pickCode'
