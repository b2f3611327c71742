/**
 * The camera reads a label that zxing-js misses the right way up (turn.ts): the fake camera holds it
 * still and level, where upright decodes alone never read it (about 1 port in 10 of this server's
 * gave such a label for the inspections test's area, which then waited for a scan that never came).
 */
import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { useBuiltApp } from './support/browser'
import { writeQrY4m } from './support/fakeCamera'

const AREA = demo.areas.find((a) => a.id === 'a7000000-0000-4000-8000-000000000001')!
// Two origins whose label for this area zxing-js cannot read upright (measured with this fake camera).
const MISSED_UPRIGHT = ['http://127.0.0.1:4419', 'http://127.0.0.1:4447']
let shown = ''

const app = useBuiltApp({
  fakeVideo: (url) => {
    // Another origin than the server's: the label is decoded, then explained as not this company's.
    const origin = MISSED_UPRIGHT.find((o) => !url.startsWith(o))!
    shown = new URL(origin).host
    return writeQrY4m(labelUrl(origin, AREA.label_token))
  },
})

describe('the camera and labels zxing-js misses upright', () => {
  it('reads the label from turned frames and explains it', async () => {
    const { context, page, errors } = await app.open()
    await page.getByTestId('tab-scan').click()
    const outcome = page.getByTestId('scan-outcome')
    await outcome.waitFor({ timeout: 45_000 })
    expect(await outcome.getAttribute('data-kind')).toBe('foreign')
    expect(await page.getByTestId('qr-scanner').getAttribute('data-holding')).toBe('true')
    expect(await outcome.textContent()).toContain(shown)
    expect(errors).toEqual([])
    await context.close()
  })
})
