/** The departments admin page (部门管理) in browser tests: the simplest synced write there is. */
import type { Locator, Page } from 'playwright-core'

/** A department's row on the page, by its code. */
export const departmentRow = (page: Page, code: string): Locator => page.locator(`[data-testid="dept-row"][data-code="${code}"]`)

/** Adds a department from the open departments page; resolves once its row shows. */
export async function addDepartment(page: Page, code: string, name: string): Promise<void> {
  await page.getByTestId('dept-add').click()
  await page.getByTestId('dept-code').locator('input').fill(code)
  await page.getByTestId('dept-name').locator('input').fill(name)
  await page.getByTestId('dept-save').click()
  await departmentRow(page, code).waitFor()
}
