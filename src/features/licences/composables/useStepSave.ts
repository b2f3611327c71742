/** Recording one licence-work step from a form: busy while it saves, the refusal as a translated message. */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { getDb } from '@/platform/db'
import { recordLicenceWork, LicenceWorkRefused, type RecordArgs } from '../data/licenceWork'

export function useStepSave() {
  const { t } = useI18n()
  const busy = ref(false)
  const error = ref('')
  /** True when the step was recorded. */
  async function run(args: RecordArgs): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    error.value = ''
    try {
      await recordLicenceWork(getDb(), args)
      return true
    } catch (e) {
      error.value = e instanceof LicenceWorkRefused ? t(e.reason) : t('licences.work.saveFailed')
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
