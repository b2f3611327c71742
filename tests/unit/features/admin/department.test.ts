import { describe, expect, it } from 'vitest'
import {
  departmentsOfSite,
  editDepartmentSchema,
  headCandidates,
  headIssue,
  newDepartmentSchema,
  renameDepartmentSchema,
  type Department,
  type Person,
} from '@/features/admin/domain/department'
import { fieldIssues } from '@/shared/lib/validation'

const SITE_A = 'site-a'
const SITE_B = 'site-b'
const existing: Department[] = [
  { id: '1', siteId: SITE_A, code: 'ADM', name: '行政部', headId: null },
  { id: '2', siteId: SITE_B, code: 'PRD', name: '生产部', headId: null },
]

function errorsOf(input: { site_id: string; code: string; name: string }) {
  const r = newDepartmentSchema(existing).safeParse(input)
  return r.success ? {} : fieldIssues(r.error)
}

describe('newDepartmentSchema', () => {
  it('accepts a valid department and trims it', () => {
    const r = newDepartmentSchema(existing).safeParse({ site_id: SITE_A, code: ' QA_1-x ', name: ' 质量部 ' })
    expect(r.success && r.data).toEqual({ site_id: SITE_A, code: 'QA_1-x', name: '质量部' })
  })

  it('needs a name of 1 to 60 characters', () => {
    expect(errorsOf({ site_id: SITE_A, code: 'QA', name: '   ' }).name?.key).toBe('validation.required')
    expect(errorsOf({ site_id: SITE_A, code: 'QA', name: '部'.repeat(61) }).name).toEqual({ key: 'validation.tooLong', params: { max: 60 } })
    expect(errorsOf({ site_id: SITE_A, code: 'QA', name: '部'.repeat(60) }).name).toBeUndefined()
  })

  it('needs a code of letters, digits, _ and -, at most 20', () => {
    expect(errorsOf({ site_id: SITE_A, code: '', name: 'x' }).code?.key).toBe('validation.required')
    for (const bad of ['Q A', '质量', 'QA!', 'A'.repeat(21)]) {
      expect(errorsOf({ site_id: SITE_A, code: bad, name: 'x' }).code?.key, bad).toBe('validation.codeFormat')
    }
    expect(errorsOf({ site_id: SITE_A, code: 'A'.repeat(20), name: 'x' }).code).toBeUndefined()
  })

  it('refuses a code already used in the same site, in any letter case', () => {
    expect(errorsOf({ site_id: SITE_A, code: 'ADM', name: 'x' }).code?.key).toBe('validation.codeTaken')
    expect(errorsOf({ site_id: SITE_A, code: 'adm', name: 'x' }).code?.key).toBe('validation.codeTaken')
  })

  it('allows the same code in another site', () => {
    expect(errorsOf({ site_id: SITE_B, code: 'ADM', name: 'x' })).toEqual({})
  })
})

describe('renameDepartmentSchema', () => {
  it('applies the name rule', () => {
    expect(renameDepartmentSchema.safeParse({ name: '' }).success).toBe(false)
    expect(renameDepartmentSchema.safeParse({ name: '新名字' }).success).toBe(true)
  })
})

describe('departmentsOfSite', () => {
  it('filters by site and sorts by code', () => {
    const list = departmentsOfSite([...existing, { id: '3', siteId: SITE_A, code: 'AAA', name: 'a', headId: null }], SITE_A)
    expect(list.map((d) => d.code)).toEqual(['AAA', 'ADM'])
  })
})

describe('the department head (same rule as private.sync_apply_department_upsert)', () => {
  const people: Person[] = [
    { id: 'pa', name: '甲', siteId: SITE_A },
    { id: 'pb', name: '乙', siteId: SITE_B },
    { id: 'pc', name: '丙', siteId: null },
  ]

  it('may be nobody, a person of the site or a company-wide person; not someone of another site or unknown', () => {
    expect(headIssue(null, SITE_A, people)).toBeNull()
    expect(headIssue('pa', SITE_A, people)).toBeNull()
    expect(headIssue('pc', SITE_A, people)).toBeNull()
    expect(headIssue('pb', SITE_A, people)).toBe('validation.headOtherSite')
    expect(headIssue('gone', SITE_A, people)).toBe('validation.headUnknown')
    expect(headCandidates(people, SITE_A).map((p) => p.id)).toEqual(['pa', 'pc'])
  })

  it('is checked when a department is added or edited, on the head_id field', () => {
    const added = newDepartmentSchema(existing, people).safeParse({ site_id: SITE_A, code: 'QA', name: 'x', head_id: 'pb' })
    expect(added.success ? {} : fieldIssues(added.error).head_id?.key).toBe('validation.headOtherSite')
    const edited = editDepartmentSchema(SITE_A, people).safeParse({ name: '行政部', head_id: 'gone' })
    expect(edited.success ? {} : fieldIssues(edited.error).head_id?.key).toBe('validation.headUnknown')
    expect(editDepartmentSchema(SITE_A, people).safeParse({ name: '行政部', head_id: 'pc' }).data).toEqual({ name: '行政部', head_id: 'pc' })
    expect(editDepartmentSchema(SITE_A, people).safeParse({ name: '行政部', head_id: null }).data).toEqual({ name: '行政部', head_id: null })
  })
})
