// The role switcher as a user works it (Me tab → pick a role → back Home), waiting until Home
// shows that role: the demo's way for one browser to act as several people.
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

export async function switchRole(page: Page, role: string): Promise<void> {
  await page.getByTestId('tab-me').click()
  await page.getByTestId('role-switcher').selectOption(role)
  await page.getByTestId('tab-home').click()
  await expect.poll(() => page.getByTestId('home-role').getAttribute('data-role')).toBe(role)
}
