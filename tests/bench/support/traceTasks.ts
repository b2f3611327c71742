/**
 * The main thread's tasks in a Chromium trace (issue 13), for the start-up bench and Lighthouse.
 * Lighthouse's Total Blocking Time is simulated: it replays the observed tasks 4× slower in a
 * model of the page's requests, and swings by ±100 ms between runs of the same build here.
 * `observedTasks` sums the observed tasks after the first contentful paint the same way (4× their
 * length, less the 50 ms a task may take) and names the longest: what a change to a page's
 * start-up did to its tasks. The same sum over the tasks' thread CPU time (`tdur`) leaves out the
 * time a task waited for a core: on this 2-core machine, with Chromium's other processes and
 * Lighthouse itself busy, a task's wall time was often 2–5× its CPU time.
 */

export interface TraceEvent {
  name: string
  ph?: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { documentLoaderURL?: string } }
}

/** The page renderer's main-thread tasks: of the threads named CrRendererMain, the one that ran the most. */
export function mainThreadTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const mainThreads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tasksOf = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
  return mainThreads.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? []
}

export interface ObservedTasks {
  /** Σ max(0, 4 × duration − 50 ms) over the tasks after the first contentful paint. */
  estimatedBlockingMs: number
  /** The same sum over the tasks' thread CPU time: the page's own work, without waits for a core. */
  cpuBlockingMs: number
  /** The longest of those tasks (ms, observed). */
  longestMs: number
}

const CPU_SLOWDOWN = 4
const BLOCKING_FROM_MS = 50

/** Σ max(0, slowdown × task − 50 ms): Total Blocking Time's sum over task lengths (ms). */
export function blockingOf(taskMs: readonly number[], slowdown = 1): number {
  return taskMs.reduce((sum, d) => sum + Math.max(0, slowdown * d - BLOCKING_FROM_MS), 0)
}

/** Each task's wall time and thread CPU time (ms). */
export function taskTimes(tasks: readonly TraceEvent[]): { wall: number[]; cpu: number[] } {
  return { wall: tasks.map((t) => (t.dur ?? 0) / 1000), cpu: tasks.map((t) => (t.tdur ?? t.dur ?? 0) / 1000) }
}

export function observedTasks(trace: { traceEvents?: TraceEvent[] } | null | undefined): ObservedTasks | null {
  const events = trace?.traceEvents ?? []
  const tasks = mainThreadTasks(events)
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === tasks[0]?.pid)
  if (!fcp) return null
  const { wall, cpu } = taskTimes(tasks.filter((t) => t.ts > fcp.ts))
  return {
    estimatedBlockingMs: blockingOf(wall, CPU_SLOWDOWN),
    cpuBlockingMs: blockingOf(cpu, CPU_SLOWDOWN),
    longestMs: Math.max(0, ...wall),
  }
}
