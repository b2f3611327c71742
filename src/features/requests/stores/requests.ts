/**
 * The requests engine for the UI: what waits for me, my applications, approved ones waiting to be
 * carried out (keepers), live from the device database; and the write actions.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { loadRequestContext, type RequestContext } from '../data/context'
import { approvedWaiting, inbox, myRequests } from '../data/requestReads'
import { assignedDispatches } from '../data/dispatch'
import { actOnRequest, submitRequest, type Act } from '../data/requestWrites'
import { REQUEST_TYPES, requestTypeDef } from '../domain/types'
import type { RequestForm } from '../domain/form'
import type { ProcessedPhoto } from '@/platform/photos'

export interface InboxItem {
  request: RequestRow
  onBehalfOf: string | null
}

export const useRequestsStore = defineStore('requests', () => {
  const session = useSessionStore()
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const context = shallowRef<RequestContext | null>(null)
  const waitingForMe = shallowRef<InboxItem[]>([])
  /** All that wait for me (the list holds the oldest page of them). */
  const waitingCount = ref(0)
  const mine = shallowRef<RequestRow[]>([])
  const toCarryOut = shallowRef<RequestRow[]>([])
  /** Drivers: approved dispatches assigned to me. */
  const assignedToMe = shallowRef<RequestRow[]>([])
  let stop: (() => void) | null = null
  let watching: string | null = null

  /** Fulfilling roles the user holds: the types whose approved applications they carry out. */
  const fulfilTypes = computed(() => REQUEST_TYPES.filter((t) => session.roles.includes(t.fulfiller)).map((t) => t.type))

  function start(): void {
    const userId = session.userId
    if (!userId || (watching === userId && status.value !== 'error')) return
    stop?.()
    watching = userId
    status.value = 'loading'
    const types = fulfilTypes.value
    // Only a driver is assigned dispatches: nobody else reads every approved one for it.
    const driver = session.roles.includes('driver')
    stop = observe(
      () => {
        const database = getDb()
        // One read transaction for the context and the lists, not one per read.
        const tables = [database.requests, database.company, database.user_roles, database.approval_delegations, database.profiles, database.departments]
        return database.transaction('r', tables, async () => {
          const ctx = await loadRequestContext(database)
          const [box, own, waiting, assigned] = await Promise.all([
            inbox(database, userId, ctx),
            myRequests(database, userId),
            Promise.all(types.map((t) => approvedWaiting(database, t))),
            driver ? assignedDispatches(database, userId) : [],
          ])
          return { ctx, box, own, waiting: waiting.flat(), assigned }
        })
      },
      ({ ctx, box, own, waiting, assigned }) => {
        assignedToMe.value = assigned
        context.value = ctx
        waitingForMe.value = box.items.map((b) => ({ request: b.request, onBehalfOf: b.authority.onBehalfOf }))
        waitingCount.value = box.total
        mine.value = own
        toCarryOut.value = waiting
        status.value = 'ready'
      },
      (e) => {
        console.error('requests failed', e)
        status.value = 'error'
      },
    )
  }

  function retry(): void {
    watching = null
    start()
  }

  async function ctx(): Promise<RequestContext> {
    return context.value ?? (await loadRequestContext(getDb()))
  }

  async function submit(type: string, form: RequestForm, draftScope: string, photos: ProcessedPhoto[] = []): Promise<RequestRow> {
    const profile = session.profile
    const def = requestTypeDef(type)
    if (!session.userId || !def) throw new Error('requests: no user or type')
    return submitRequest(getDb(), {
      type,
      form,
      applicant: { id: session.userId, site_id: profile?.siteId ?? null, department_id: profile?.departmentId ?? null },
      fulfillerRole: def.fulfiller,
      ctx: await ctx(),
      draftScope,
      photos,
    })
  }

  async function act(request: RequestRow, action: Act, draftScope?: string): Promise<RequestRow> {
    if (!session.userId) throw new Error('requests: no user')
    return actOnRequest(getDb(), { request, actorId: session.userId, act: action, ctx: await ctx(), draftScope })
  }

  return { status, context, waitingForMe, waitingCount, assignedToMe, mine, toCarryOut, fulfilTypes, start, retry, submit, act }
})
