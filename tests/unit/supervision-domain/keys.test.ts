import { describe, expect, it } from 'vitest'
import zhCN from '@/shared/i18n/messages/zh-CN'
import en from '@/shared/i18n/messages/en'
import { GLOSSARY } from '@/shared/i18n/glossary'
import { PLAN_ACTS, PLAN_STAGES, SUPERVISION_ERROR_KEYS } from '@/features/supervision/domain'
import { requestTypeDef } from '@/features/requests/domain'

type Tree = { [key: string]: string | Tree }
const lookup = (tree: Tree, path: string) =>
  path.split('.').reduce<string | Tree | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), tree)

describe('supervision messages', () => {
  it('translate every key the domain can hand the UI, and the plan application\'s fields, in both languages', () => {
    const keys = [
      ...SUPERVISION_ERROR_KEYS,
      ...PLAN_STAGES.map((s) => `supervision.stage.${s}`),
      ...PLAN_ACTS.map((a) => `supervision.acts.${a}`),
      ...PLAN_ACTS.map((a) => `supervision.events.${a}`),
      'requests.types.inspection_plan',
      ...(requestTypeDef('inspection_plan')?.fields ?? []).map((f) => `requests.fields.${f.key}`),
    ]
    for (const k of keys) {
      expect(lookup(zhCN as unknown as Tree, k), k).toBeTypeOf('string')
      expect(lookup(en as unknown as Tree, k), k).toBeTypeOf('string')
    }
  })

  it('the manual\'s terms are in the glossary', () => {
    const codes = GLOSSARY.map((g) => g.code as string)
    for (const c of ['supervisoryInspection', 'inspection_plan', 'planNotice', 'planReport', 'finding', 'planPublish', 'improvementTracking']) expect(codes).toContain(c)
  })
})
