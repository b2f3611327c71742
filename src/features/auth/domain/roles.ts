/**
 * The app's roles. Codes are stored in `user_roles.role` on the server and on the device.
 * zh-CN names (the manual's terms) live in the i18n messages under `roles.<code>`.
 */
export const ROLES = [
  'admin_head', // 行政部长
  'executive', // 执行长
  'seal_keeper', // 印章管理员
  'asset_keeper', // 资产管理员
  'driver', // 司机
  'fleet_manager', // 车队管理员
  'cleaner', // 保洁员
  'inspector', // 检查员
  'dorm_manager', // 宿管员
  'employee', // 员工
] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
