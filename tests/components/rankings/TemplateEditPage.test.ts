import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import { rankingRoutes } from '@/features/rankings/routes'
import { SANITATION_V1 } from '@/features/inspections/domain/defaultTemplates'
import { HEAD } from '../../unit/rectification/fixtures'
import { mountAt, until } from '../rectification/support'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

async function seedFamily(code: string): Promise<ChecklistTemplateRow> {
  const row: ChecklistTemplateRow = {
    id: crypto.randomUUID(), code, version: 1, name_zh: SANITATION_V1.name_zh, name_en: SANITATION_V1.name_en,
    sections: structuredClone(SANITATION_V1.sections), grading: structuredClone(SANITATION_V1.grading), active: true, updated_at: '2026-01-01T00:00:00.000Z', deleted_at: null,
  }
  await getDb().checklist_templates.add(row)
  return row
}

async function open(id: string) {
  const { wrapper, router } = await mountAt(`/templates/${id}/edit`, rankingRoutes, HEAD, ['admin_head'])
  wrappers.push(wrapper)
  await until(() => expect(wrapper.find('[data-testid=template-save]').exists()).toBe(true))
  return { wrapper, router }
}

describe('TemplateEditPage', () => {
  it('saves the edit as a NEW version and leaves the old one as it was', async () => {
    const old = await seedFamily('sanitation_edit_a')
    const before = structuredClone(await getDb().checklist_templates.get(old.id))
    const { wrapper, router } = await open(old.id)
    await wrapper.find('[data-testid=template-name-zh] input').setValue('卫生检查表（2026 版）')
    await wrapper.find('[data-testid=template-item-text-zh] input').setValue('地面干净、无积水、无污渍')
    await wrapper.find('[data-testid=template-section-add]').trigger('click')
    const sections = wrapper.findAll('[data-testid=template-section]')
    const added = sections[sections.length - 1]!
    await added.find('[data-testid=template-section-title-zh] input').setValue('新增部分')
    const fields = added.findAll('.van-field input')
    // title_zh, title_en, then the new item's text_zh, text_en, …
    await fields[1]!.setValue('New section')
    await added.find('[data-testid=template-item-text-zh] input').setValue('新检查项')
    await added.find('[data-testid=template-item-text-en] input').setValue('New item')
    await wrapper.find('form').trigger('submit')
    await until(() => expect(router.currentRoute.value.name).toBe('templates'))

    const family = await getDb().checklist_templates.where('code').equals('sanitation_edit_a').toArray()
    expect(family.map((r) => r.version).sort()).toEqual([1, 2])
    expect(await getDb().checklist_templates.get(old.id)).toEqual(before)
    const v2 = family.find((r) => r.version === 2)!
    expect(v2.id).not.toBe(old.id)
    expect(v2.name_zh).toBe('卫生检查表（2026 版）')
    const sectionsV2 = v2.sections as { title_zh: string; items: { text_zh: string }[] }[]
    expect(sectionsV2[0]!.items[0]!.text_zh).toBe('地面干净、无积水、无污渍')
    expect(sectionsV2[sectionsV2.length - 1]).toMatchObject({ title_zh: '新增部分', items: [{ text_zh: '新检查项' }] })
    const ops = (await getDb().outbox.toArray()).filter((o) => o.entity_id === v2.id)
    expect(ops.map((o) => o.kind)).toEqual(['template.upsert'])
    expect(ops[0]!.payload).toMatchObject({ id: v2.id, code: 'sanitation_edit_a', version: 2, active: true })
  })

  it('shows translated errors and saves nothing for an invalid draft', async () => {
    const old = await seedFamily('sanitation_edit_b')
    const { wrapper } = await open(old.id)
    await wrapper.find('[data-testid=template-item-text-zh] input').setValue('  ')
    const before = await getDb().outbox.count()
    await wrapper.find('form').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=template-item] .van-field__error-message').text()).toBe('必填'))
    expect(await getDb().checklist_templates.where('code').equals('sanitation_edit_b').count()).toBe(1)
    expect(await getDb().outbox.count()).toBe(before)
  })

  it('the preview scores the draft: a failed critical item fails the whole inspection', async () => {
    const old = await seedFamily('sanitation_edit_c')
    const { wrapper } = await open(old.id)
    expect(wrapper.find('[data-testid=template-preview-score]').text()).toBe('100')
    const critical = SANITATION_V1.sections.flatMap((s) => s.items).find((i) => i.critical)
    if (!critical) return
    const boxes = wrapper.findAll('[data-testid=template-preview] .van-checkbox')
    const index = SANITATION_V1.sections.flatMap((s) => s.items).indexOf(critical)
    await boxes[index]!.trigger('click')
    await until(() => expect(wrapper.find('[data-testid=template-preview]').text()).toContain('关键项不合格'))
  })
})
