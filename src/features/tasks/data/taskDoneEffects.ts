/**
 * What a task's source does on the device when the task is done (completed, scored) or cancelled, in
 * the act's own transaction: the device's twin of the server's triggers on public.tasks, so the phone
 * shows the outcome at once, offline, instead of after the next sync. A source's effect loads only
 * when such a task is done (a chunk of its own feature).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { Task, TaskSource } from '../domain'

export interface TaskDoneEffect {
  /** Tables the effect writes (added to the act's transaction). */
  tables: readonly string[]
  /** Inside the act's transaction, the task just done; returns the entity keys it wrote (the act's op names them). */
  apply(database: AdminFieldDb, task: Task, at: string, actorId: string): Promise<string[]>
}

const EFFECTS: Partial<Record<TaskSource, () => Promise<TaskDoneEffect>>> = {
  // A 报修 task frees the beds it put under repair (private.tg_dorm_repair_task_done).
  repair: () => import('@/features/dorms/data/repairDone').then((m) => m.repairTaskDone),
}

/** The effect of a task of this source being done, loaded; null when the source has none. */
export async function taskDoneEffect(source: TaskSource): Promise<TaskDoneEffect | null> {
  return (await EFFECTS[source]?.()) ?? null
}
