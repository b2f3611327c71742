/**
 * A form with one text field and a device draft, mounted under a router as a page is (the draft's
 * dirty guard asks before the route is left). The tests that use it gate the device db's code
 * (vi.mock of '@/platform/db'), so nothing here may import the db statically.
 */
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useDeviceDraft, draftOfRefs } from '@/shared/composables/useDeviceDraft'
import { appPlugins } from '../support/mountApp'

export const KEY = 'test.deviceDraft:1'

export async function mountDraftForm() {
  const note = ref('')
  let draft!: ReturnType<typeof useDeviceDraft<{ note: string }>>
  const Form = defineComponent({
    setup() {
      draft = useDeviceDraft({ key: () => KEY, ...draftOfRefs({ note }) })
      return () => h('div', { 'data-testid': 'draft-form' })
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Form }] })
  await router.push('/')
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...appPlugins().plugins, router] } })
  await nextTick()
  /** Types into the field (the draft's watcher runs before the next await resolves). */
  const type = async (text: string) => {
    note.value = text
    await nextTick()
  }
  return { note, draft, type, wrapper }
}
