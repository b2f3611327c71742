/**
 * Public API of the inspections feature (the checklists engine: areas, inspections, rounds).
 * Light modules only: reads, roles and routes. zod-based code (scoring, template parsing,
 * the area form) stays in the feature's lazy page chunks; import the domain directly for it.
 */
export { inspectionRoutes } from './routes'
export { findAreaByToken, getArea, listAreas, areaDisplayName, type AreaFilter } from './data/areas'
export { getTemplateVersion, latestTemplate, latestTemplates } from './data/templates'
export { listInspections, getInspection, inspectionsOfArea, rectificationsOfInspection, type InspectionRange } from './data/inspections'
export { pendingRounds, roundsSince } from './data/roundQueries'
export { INSPECT_ROLES, AREA_EDIT_ROLES, AREA_READ_ROLES, ROUND_ROLES, INSPECT_SCREEN_ROLES, canInspect, canInspectArea, canEditAreas, canRecordRounds } from './roles'
export { AREA_TYPES, FREQUENCIES, type AreaType, type Frequency } from './areaTypes'
export { areaScanTarget } from './scanTarget'
export const loadInspectionWork = () => import('./components/InspectionWork.vue')
export { INSPECTION_TODO_SECTIONS, loadInspectionTodo } from './todo'
