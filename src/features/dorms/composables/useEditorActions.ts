/**
 * The building and room editors' save and take-out-of-use flows: one save at a time, the toast, the
 * page left without asking again; removal refused with its reason when in use, else confirmed first.
 */
import { ref } from 'vue'
import { useRouter, type RouteLocationRaw } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { showToast } from 'vant'
import 'vant/es/toast/style'
import { confirmed } from '@/shared/ui/confirm'

export function useEditorActions() {
  const { t } = useI18n()
  const router = useRouter()
  const saving = ref(false)
  const saved = ref(false)

  async function done(to: RouteLocationRaw): Promise<void> {
    saved.value = true
    showToast(t('dorms.actions.saved'))
    await router.replace(to)
  }

  /** Runs the save (it returns where to go next); a failure is shown, the input kept. */
  async function save(run: () => Promise<RouteLocationRaw>): Promise<void> {
    if (saving.value) return
    saving.value = true
    try {
      await done(await run())
    } catch (e) {
      showToast(t('common.saveFailed', { error: e instanceof Error ? e.message : String(e) }))
    } finally {
      saving.value = false
    }
  }

  /** Takes something out of use: refused with `block` (an i18n key) when set, else after a confirmation. */
  async function remove(block: string | null, confirm: string, run: () => Promise<void>): Promise<void> {
    if (block) return void showToast(t(block))
    const ok = await confirmed(confirm)
    if (!ok) return
    await run()
    await done({ name: 'dorms' })
  }

  return { saving, saved, save, remove }
}
