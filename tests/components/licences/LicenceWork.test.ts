import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import { loadLicences } from '@/features/licences/data/licenceRepository'
import RequestPage from '@/features/requests/pages/RequestPage.vue'
import LicenceMaterialsEditor from '@/features/licences/components/LicenceMaterialsEditor.vue'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'

const KEEPER = demo.users.find((u) => u.roles.includes('asset_keeper'))!
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const HQ = demo.sites[0]!.id

async function approvedRenewal(): Promise<RequestRow> {
  const now = new Date(Date.now() - 3_600_000).toISOString()
  const request: RequestRow = {
    id: crypto.randomUUID(), type: 'licence_affair', site_id: HQ, department_id: DRIVER.department_id, applicant_id: DRIVER.id, title: '食品经营许可证',
    form: { action: 'renew', licence_name: '食品经营许可证', authority: '市场监督管理局', materials: '原证', reason: '到期' }, photo_ids: [],
    status: 'approved', revision: 1, step: 1, chain: [], waiting_role: null, fulfiller_role: 'asset_keeper', deciders: [demo.users[0]!.id],
    submitted_at: now, status_at: now, decided_at: now, first_pass: true, due_back_at: null, fulfilled_at: null, fulfilled_by: null, assignment: null, updated_at: now, deleted_at: null,
  }
  await getDb().requests.put(request)
  return request
}

async function mountAt(requestId: string, userId: string) {
  await seedDemoCompany(getDb())
  const { plugins } = appPlugins()
  const session = useSessionStore()
  session.userId = userId
  session.profile = { displayName: '资产管理员', phone: null, siteId: HQ, departmentId: null } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/requests/:id', name: 'requestDetail', component: RequestPage },
      { path: '/requests/:id/edit', name: 'requestEdit', component: { template: '<div />' } },
      { path: '/assets/:id', name: 'asset', component: { template: '<div />' } },
    ],
  })
  await router.push(`/requests/${requestId}`)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const ops = async () => (await getDb().outbox.toArray()).filter((o) => o.kind === 'licence_work.record').map((o) => o.payload)

describe('证照办理 after approval, on the application page', () => {
  it('the keeper ticks materials, records errors (back for correction), a pass, the filing and the dates: the licence list gets them, the timeline shows each step', async () => {
    await seedDemoCompany(getDb())
    const request = await approvedRenewal()
    const w = await mountAt(request.id, KEEPER.id)
    await until(() => expect(w.find('[data-testid=licence-work]').attributes('data-stage')).toBe('collect'))
    // The renewal's default checklist.
    expect(w.findAll('[data-testid^=licence-material-]').filter((x) => x.attributes('data-done') !== undefined)).toHaveLength(4)
    await w.find('[data-testid=licence-material-application_form]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-material-application_form]').attributes('data-done')).toBe('true'))
    expect(w.find('[data-testid=licence-materials]').text()).toContain('1/4')

    // Errors: the licence goes back for correction.
    await w.find('[data-testid=licence-collect-errors]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-error-dates]').exists()).toBe(true))
    await w.find('[data-testid=licence-collect-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-collect-error]').text()).toBe('请至少勾选一处错误'))
    await w.find('[data-testid=licence-error-dates]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-error-note-dates]').exists()).toBe(true))
    await w.find('[data-testid=licence-error-note-dates] input').setValue('有效期少了一年')
    await w.find('[data-testid=licence-collect-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-collect-correcting]').exists()).toBe(true))
    await until(() => expect(w.find('[data-testid=licence-event-collect]').text()).toContain('有效期少了一年'))

    // The corrected licence: a pass opens the filing.
    await w.find('[data-testid=licence-collect-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-work]').attributes('data-stage')).toBe('file'))
    await w.find('[data-testid=licence-file-location] input').setValue('行政部 1 号档案柜')
    await w.find('[data-testid=licence-file-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=licence-work]').attributes('data-stage')).toBe('validity'))
    expect(w.find('[data-testid=licence-filing-summary]').text()).toContain('行政部 1 号档案柜')

    // The dates, after a confirmation: onto the licence the application names.
    const asset = (await getDb().assets.where('kind').equals('licence').toArray()).find((a) => a.name === '食品经营许可证')!
    expect((w.find('[data-testid=licence-validity-asset]').element as HTMLSelectElement).value).toBe(asset.id)
    await w.find('[data-testid=licence-validity-from] input').setValue('2026-11-20')
    await w.find('[data-testid=licence-validity-to] input').setValue('2031-11-19')
    await w.find('[data-testid=licence-validity-inspection] input').setValue('2027-11-20')
    await w.find('[data-testid=licence-validity-save]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
    await until(() => expect(w.find('[data-testid=licence-work]').attributes('data-stage')).toBe('done'))

    const { items } = await loadLicences(getDb())
    expect(items.find((i) => i.id === asset.id)).toMatchObject({ valid_to: '2031-11-19', annual_inspection_on: '2027-11-20' })
    expect((await getDb().requests.get(request.id))?.fulfilled_by).toBe(KEEPER.id)
    expect((await ops()).slice(-5).map((p) => [p.type, p.type === 'collect' ? p.result : ''])).toEqual([
      ['material', ''],
      ['collect', 'errors'],
      ['collect', 'pass'],
      ['file', ''],
      ['validity', ''],
    ])
    expect(w.findAll('[data-testid^=licence-event-]').map((x) => x.attributes('data-testid'))).toEqual([
      'licence-event-material',
      'licence-event-collect',
      'licence-event-collect',
      'licence-event-file',
      'licence-event-validity',
    ])
    // Done: no form is left.
    expect(w.find('[data-testid=licence-collect]').exists()).toBe(false)
    expect(w.find('[data-testid=licence-validity]').exists()).toBe(false)
    w.unmount()
  })

  it('the applicant sees where the work stands but records nothing', async () => {
    await seedDemoCompany(getDb())
    const request = await approvedRenewal()
    const before = (await ops()).length
    const w = await mountAt(request.id, DRIVER.id)
    await until(() => expect(w.find('[data-testid=licence-work]').attributes('data-stage')).toBe('collect'))
    expect(w.find('[data-testid=licence-collect]').exists()).toBe(false)
    await w.find('[data-testid=licence-material-old_original]').trigger('click')
    await flushPromises()
    expect(await ops()).toHaveLength(before)
    w.unmount()
  })
})

describe('the admin head edits the materials checklist', () => {
  it('removes a line after a confirmation, adds one, saves: one op, the company row holds the lists, new applications use them', async () => {
    await seedDemoCompany(getDb())
    const { plugins } = appPlugins()
    const w = mount(LicenceMaterialsEditor, { props: { companyId: demo.company.id }, global: { plugins }, attachTo: document.body })
    await until(() => expect(w.find('[data-testid=lme-line-application_form]').exists()).toBe(true))
    await w.find('[data-testid=lme-remove-premises_proof]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
    await until(() => expect(w.find('[data-testid=lme-line-premises_proof]').exists()).toBe(false))
    await w.find('[data-testid=lme-new] input').setValue('房屋租赁合同')
    await w.find('[data-testid=lme-add]').trigger('click')
    await until(() => expect(w.text()).toContain('房屋租赁合同'))
    await w.find('[data-testid=lme-save]').trigger('click')
    await until(async () => expect((await getDb().outbox.toArray()).some((o) => o.kind === 'licence_materials.update')).toBe(true))
    const company = await getDb().company.get(demo.company.id)
    const obtain = (company?.licence_materials as { obtain: { code: string; label: string | null }[] }).obtain
    expect(obtain.map((l) => l.label ?? l.code)).toEqual(['application_form', 'legal_rep_id', 'authorization_letter', 'articles', '房屋租赁合同'])
    w.unmount()
  })
})
