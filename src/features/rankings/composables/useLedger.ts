/** The ledger page's state: the period (the last ended one first), the rules' preview and what publishing means now, what is published; publish and export. */
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { LedgerEntryRow, RewardRuleRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { ledgerCsv, type LedgerDraft } from '@/features/inspections/domain/rewards'
import type { PublicationPlan } from '@/features/inspections/domain/ledgerPublication'
import { csvBlob } from '@/shared/lib/csv'
import { currentPeriod, recentPeriods, shiftPeriod, type PeriodKind } from '../domain/periods'
import { loadDirectory, type Directory } from '../data/rankingData'
import { listRules } from '../data/rewardRules'
import { ledgerOf, previewLedger, publishLedger } from '../data/ledger'
import { downloadBlob, ledgerFileName } from '../data/download'

export function useLedger() {
  const session = useSessionStore()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const directory = shallowRef<Directory | null>(null)
  const rules = shallowRef<RewardRuleRow[]>([])
  const kind = ref<PeriodKind>('month')
  const key = ref('')
  const drafts = shallowRef<LedgerDraft[]>([])
  const plan = shallowRef<PublicationPlan | null>(null)
  const published = shallowRef<LedgerEntryRow[]>([])
  const publishing = ref(false)
  let stop: (() => void) | null = null
  let run = 0

  async function refresh(): Promise<void> {
    const dir = directory.value
    if (!dir || !key.value) return
    const mine = ++run
    status.value = 'loading'
    try {
      const db = getDb()
      rules.value = await listRules(db)
      const p = await previewLedger(db, dir, rules.value, key.value)
      if (mine !== run) return
      drafts.value = p.drafts
      plan.value = p.plan
      status.value = 'ready'
    } catch (e) {
      if (mine !== run) return
      console.error('ledger preview failed', e)
      status.value = 'error'
    }
    // The published list follows the device (a publish, a pull) while the page is open.
    stop?.()
    const period = key.value
    stop = observe(() => ledgerOf(getDb(), period), (rows) => (published.value = rows))
  }

  async function start(): Promise<void> {
    status.value = 'loading'
    try {
      directory.value = await loadDirectory(getDb())
      key.value = lastEnded(kind.value, directory.value.timeZone)
    } catch (e) {
      console.error('ledger directory failed', e)
      status.value = 'error'
    }
  }
  // Only an ended period is published: the page opens on the last one.
  const lastEnded = (k: PeriodKind, zone: string) => shiftPeriod(currentPeriod(k, Date.now(), zone), -1)
  watch(kind, (k) => directory.value && (key.value = lastEnded(k, directory.value.timeZone)))
  watch(key, () => void refresh())
  onScopeDispose(() => stop?.())

  async function publish(): Promise<number> {
    const p = plan.value
    if (!session.userId || publishing.value || !p || (p.kind !== 'first' && p.kind !== 'correction')) return 0
    publishing.value = true
    try {
      const rows = await publishLedger(getDb(), key.value, p, session.userId)
      await refresh()
      return rows.length
    } finally {
      publishing.value = false
    }
  }

  const ruleNames = computed(() => new Map(rules.value.map((r) => [r.id, r.name])))
  const subjectName = (e: Pick<LedgerDraft, 'subject_type' | 'subject_id'>) => directory.value?.names[e.subject_type].get(e.subject_id) ?? e.subject_id.slice(0, 8)
  const areaName = (id: string) => directory.value?.names.area.get(id) ?? ''

  function exportCsv(): void {
    const entries = published.value
    const subjects = new Map(entries.map((e) => [e.subject_id, subjectName(e)]))
    downloadBlob(csvBlob(ledgerCsv(entries, { rules: ruleNames.value, subjects })), ledgerFileName(key.value))
  }

  const periods = computed(() => (directory.value ? recentPeriods(kind.value, Date.now(), directory.value.timeZone, kind.value === 'month' ? 12 : 13) : []))
  const timeZone = computed(() => directory.value?.timeZone ?? 'Asia/Shanghai')
  return { status, kind, key, periods, drafts, plan, published, publishing, rules, ruleNames, timeZone, start, refresh, publish, exportCsv, subjectName, areaName }
}
