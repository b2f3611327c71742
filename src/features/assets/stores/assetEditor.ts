/** The asset form's data: the asset being edited, a suggested number, and validated saves. */
import { defineStore } from 'pinia'
import { warmImport } from '@/shared/lib/idle'
import { getDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { nextAssetNumber, type AssetKind } from '../domain/assetNumber'
import { AssetNumberTakenError, createAsset, updateAsset } from '../data/assetRepository'
import { getAsset } from '../data/lookup'

export type SaveResult = { ok: true; asset: AssetRow } | { ok: false; errors: Record<string, string> }

/** zod issues → one i18n key per field; details fields by their own name. */
function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) {
    const field = String(i.path[0] === 'details' ? (i.path[1] ?? 'details') : (i.path[0] ?? '_'))
    out[field] ??= i.message.startsWith('assets.errors.') ? i.message : 'assets.errors.required'
  }
  return out
}

/** The asset form's schema (zod): loaded by the first save, warmed when the editor opens. */
const loadAssetSchema = () => import('../domain/assetSchema')

export const useAssetEditorStore = defineStore('asset-editor', () => {
  // In memory before the first save, even offline on a first visit (issue 13).
  warmImport(loadAssetSchema)
  async function load(id: string): Promise<AssetRow | undefined> {
    return getAsset(getDb(), id)
  }

  /** The next free number of the kind on this device (the server re-checks uniqueness). */
  async function suggestNumber(kind: AssetKind): Promise<string> {
    const numbers = (await getDb().assets.where('kind').equals(kind).toArray()).map((a) => a.number)
    return nextAssetNumber(kind, numbers)
  }

  /** `draftKey`: the form's device draft, dropped in the save's own transaction. */
  async function save(raw: Record<string, unknown>, isNew: boolean, draftKey: string | null = null): Promise<SaveResult> {
    // zod loads with the first save, not with the form (issue 13).
    const { assetInputSchema } = await loadAssetSchema()
    const parsed = assetInputSchema.safeParse(raw)
    if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error.issues) }
    try {
      const asset = isNew ? await createAsset(getDb(), parsed.data, new Date(), draftKey) : await updateAsset(getDb(), parsed.data, new Date(), draftKey)
      return { ok: true, asset }
    } catch (e) {
      if (e instanceof AssetNumberTakenError) return { ok: false, errors: { number: 'assets.errors.numberTaken' } }
      throw e
    }
  }

  return { load, suggestNumber, save }
})
