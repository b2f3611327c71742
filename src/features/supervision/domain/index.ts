/** The supervision domain (监督检查): the plan's stages, who acts, what it makes on the other engines. No I/O, no framework. */
export { LIMITS, SUPERVISION_ERROR_KEYS, type SupervisionErrorKey } from './fields'
export {
  PLAN_ACTS,
  PLAN_STAGES,
  applyPlanAct,
  approvalOf,
  findingSchema,
  isPlanAdminHead,
  mayActOnPlan,
  mayDraftPlan,
  newPlan,
  nextPlanAct,
  planActSchema,
  planDraftSchema,
  type Approval,
  type Finding,
  type Plan,
  type PlanAct,
  type PlanActInput,
  type PlanActPayload,
  type PlanActor,
  type PlanDraft,
  type PlanDraftInput,
  type PlanStage,
  type PlanStep,
} from './plan'
export { DEFAULT_FIX_DAYS, PUBLISH_WORKING_DAYS, defaultPublishDue, findingTasks, planRequestForm, type FindingTask } from './derive'
