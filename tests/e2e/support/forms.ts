// Filling the app's forms as a person does, shared by the browser tests and the benches: a photo
// (from a stamped picture), the signature pad.
import type { Locator, Page } from 'playwright-core'
import { writeStampedPagePng } from './fakeCamera'

/** A photo into the first photo field in `scope` (the camera input given a picture); waits for its thumbnail. */
export async function attachPhoto(scope: Locator, text: string): Promise<void> {
  await scope.getByTestId('photo-camera-input').first().setInputFiles(await writeStampedPagePng(text))
  await scope.getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
}

/**
 * A photo as a person takes it: a tap on 拍照 opens the phone's camera (here the file chooser, given
 * the picture: the shutter); waits until the app shows the thumbnail, as the person does.
 */
export async function takePhoto(page: Page, scope: Locator, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), scope.getByTestId('photo-take').first().click()])
  await chooser.setFiles(await writeStampedPagePng(text))
  await scope.getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
}

/** One stroke drawn on the signature pad (scrolled into view), then 完成; waits until it is kept. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-canvas')
  await pad.scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollBy(0, 120))
  const box = await pad.boundingBox()
  if (!box) throw new Error('the signature pad is not on the screen')
  await page.mouse.move(box.x + 30, box.y + 60)
  await page.mouse.down()
  for (const [x, y] of [[80, 20], [130, 90], [180, 30], [230, 80]] as const) await page.mouse.move(box.x + x, box.y + y, { steps: 5 })
  await page.mouse.up()
  await page.getByTestId('signature-done').click()
  await page.locator('[data-testid="signature"][data-signed="yes"]').waitFor({ timeout: 45_000 })
}
