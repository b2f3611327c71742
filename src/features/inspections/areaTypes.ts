/** Area types and inspection frequencies (i18n: inspections.areaTypes.*, inspections.frequency.*). Plain constants. */
export const AREA_TYPES = [
  'office',
  'washroom',
  'canteen',
  'corridor',
  'stairwell',
  'dormitory',
  'outdoor',
  'green_belt',
  'lawn',
  'trees_shrubs',
] as const
export type AreaType = (typeof AREA_TYPES)[number]

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

/** Greening areas are inspected with the greening family by default, dormitory rooms with dorm hygiene, the rest with sanitation. */
export function defaultTemplateCode(type: string): string {
  if (type === 'dormitory') return 'dorm_hygiene'
  return type === 'green_belt' || type === 'lawn' || type === 'trees_shrubs' ? 'greening' : 'sanitation'
}
