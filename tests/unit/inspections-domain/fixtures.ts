import type { Grading, TemplateItem, TemplateVersion } from '@/features/inspections/domain'

export const PHOTO = '3f1b8c2e-6a4d-4e7f-8b9c-0d1e2f3a4b5c'

export const GRADING: Grading = {
  thresholds: [
    { grade: 'excellent', min: 90 },
    { grade: 'good', min: 80 },
    { grade: 'fair', min: 60 },
    { grade: 'poor', min: 0 },
  ],
  pass_mark: 60,
}

export function pf(key: string, max_points = 10, o: Partial<TemplateItem> = {}): TemplateItem {
  return { key, text_zh: `项${key}`, text_en: `Item ${key}`, mode: 'pass_fail', max_points, allow_na: false, critical: false, photo_on_fail: false, ...o }
}

export function pts(key: string, max_points: number, o: Partial<TemplateItem> = {}): TemplateItem {
  return pf(key, max_points, { mode: 'points', ...o })
}

export function tpl(items: TemplateItem[], o: Partial<TemplateVersion> = {}): TemplateVersion {
  return {
    code: 'sanitation',
    version: 1,
    name_zh: '测试',
    name_en: 'Test',
    sections: [{ key: 's1', title_zh: '一', title_en: 'One', items }],
    grading: GRADING,
    ...o,
  }
}
