import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ProcessedPhoto } from '@/platform/photos'
import PhotoCapture from '@/shared/ui/photos/PhotoCapture.vue'
import type { PhotoProcessor } from '@/shared/ui/photos/processor'
import { appPlugins } from '../support/mountApp'

function processed(over: Partial<ProcessedPhoto> = {}): ProcessedPhoto {
  const blob = new Blob(['jpeg'], { type: 'image/jpeg' })
  return {
    id: crypto.randomUUID(),
    blob,
    thumb: new Blob(['thumb'], { type: 'image/jpeg' }),
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: blob.size,
    taken_at: '2025-06-01T00:30:00.000Z',
    warnings: [],
    quality: { luminance: 120, sharpness: 300 },
    ...over,
  }
}

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

function mountCapture(props: { process: PhotoProcessor; required?: boolean; max?: number }) {
  const { plugins } = appPlugins()
  const wrapper: VueWrapper = mount(PhotoCapture, {
    props: {
      modelValue: [] as ProcessedPhoto[],
      context: '印章 YZ-001 公章',
      person: '张三',
      'onUpdate:modelValue': (v: ProcessedPhoto[]) => wrapper.setProps({ modelValue: v }),
      ...props,
    },
    global: { plugins },
  })
  wrappers.push(wrapper)
  return wrapper
}

async function pick(wrapper: VueWrapper, which: 'camera' | 'gallery', files: File[]) {
  const input = wrapper.find(`[data-testid=photo-${which}-input]`)
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await flushPromises()
}

const jpegFile = (name = 'a.jpg', lastModified = Date.parse('2025-05-20T02:11:00Z')) =>
  new File(['raw'], name, { type: 'image/jpeg', lastModified })

const emitted = (w: VueWrapper) => (w.emitted('update:modelValue') ?? []).map((e) => e[0] as ProcessedPhoto[])

describe('PhotoCapture', () => {
  it('has a camera input (capture=environment) and a gallery input', () => {
    const w = mountCapture({ process: vi.fn() })
    const camera = w.find('[data-testid=photo-camera-input]')
    expect(camera.attributes()).toMatchObject({ type: 'file', accept: 'image/*', capture: 'environment' })
    expect(w.find('[data-testid=photo-gallery-input]').attributes('multiple')).toBeDefined()
  })

  it('processes a taken photo with the watermark lines and emits it (not saved)', async () => {
    const photo = processed()
    const process = vi.fn<PhotoProcessor>(async () => photo)
    const w = mountCapture({ process })
    await pick(w, 'camera', [jpegFile()])
    expect(process).toHaveBeenCalledTimes(1)
    const [, opts] = process.mock.calls[0]!
    expect(opts.watermark.lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(opts.watermark.lines.slice(1)).toEqual(['印章 YZ-001 公章', '张三'])
    expect(emitted(w).at(-1)).toEqual([photo])
    expect(w.findAll('[data-testid=captured-photo]')).toHaveLength(1)
  })

  it('marks a gallery picture as such, with the file time, on the stamp', async () => {
    const process = vi.fn<PhotoProcessor>(async () => processed())
    const w = mountCapture({ process })
    await pick(w, 'gallery', [jpegFile()])
    expect(process.mock.calls[0]![1].watermark.lines[0]).toMatch(/相册图片 2025-05-20 10:11$/)
  })

  it('remove drops the photo from the list', async () => {
    const [a, b] = [processed(), processed()]
    const process = vi.fn<PhotoProcessor>().mockResolvedValueOnce(a).mockResolvedValueOnce(b)
    const w = mountCapture({ process })
    await pick(w, 'gallery', [jpegFile('1.jpg'), jpegFile('2.jpg')])
    expect(emitted(w).at(-1)?.map((p) => p.id)).toEqual([a.id, b.id])
    await w.find(`[data-testid=captured-photo][data-id="${a.id}"] [data-testid=photo-remove]`).trigger('click')
    expect(emitted(w).at(-1)?.map((p) => p.id)).toEqual([b.id])
  })

  it('required: validate() fails and says so until a photo is added', async () => {
    const w = mountCapture({ process: async () => processed(), required: true })
    const vm = w.vm as unknown as { validate(): boolean }
    expect(w.find('[data-testid=photo-missing]').exists()).toBe(false)
    expect(vm.validate()).toBe(false)
    await flushPromises()
    expect(w.find('[data-testid=photo-missing]').exists()).toBe(true)
    await pick(w, 'camera', [jpegFile()])
    expect(vm.validate()).toBe(true)
    expect(w.find('[data-testid=photo-missing]').exists()).toBe(false)
  })

  it('takes no more than max photos and then hides the buttons', async () => {
    const process = vi.fn<PhotoProcessor>(async () => processed())
    const w = mountCapture({ process, max: 2 })
    await pick(w, 'gallery', [jpegFile('1.jpg'), jpegFile('2.jpg'), jpegFile('3.jpg')])
    expect(process).toHaveBeenCalledTimes(2)
    expect(emitted(w).at(-1)).toHaveLength(2)
    expect(w.find('[data-testid=photo-take]').exists()).toBe(false)
  })

  it('a blurry photo asks "retake?": keep hides the question, retake removes it and opens the camera', async () => {
    const [a, b] = [processed({ warnings: ['blurry'] }), processed({ warnings: ['dark'] })]
    const process = vi.fn<PhotoProcessor>().mockResolvedValueOnce(a).mockResolvedValueOnce(b)
    const w = mountCapture({ process })
    await pick(w, 'gallery', [jpegFile('1.jpg'), jpegFile('2.jpg')])
    expect(w.findAll('[data-testid=photo-retake-ask]')).toHaveLength(2)
    expect(w.find('[data-testid=photo-retake-ask]').text()).toContain('模糊')

    await w.find(`[data-id="${a.id}"] [data-testid=photo-keep]`).trigger('click')
    expect(w.find(`[data-id="${a.id}"] [data-testid=photo-retake-ask]`).exists()).toBe(false)
    expect(emitted(w).at(-1)?.map((p) => p.id)).toEqual([a.id, b.id]) // kept anyway

    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {})
    await w.find(`[data-id="${b.id}"] [data-testid=photo-retake]`).trigger('click')
    expect(emitted(w).at(-1)?.map((p) => p.id)).toEqual([a.id])
    expect(click).toHaveBeenCalled()
    click.mockRestore()
  })

  it('a file that cannot be read says so and emits nothing', async () => {
    const w = mountCapture({ process: async () => Promise.reject(new Error('cannot decode image')) })
    await pick(w, 'camera', [jpegFile()])
    expect(w.find('[data-testid=photo-failed]').exists()).toBe(true)
    expect(emitted(w)).toHaveLength(0)
  })

  it('shows progress while processing and disables the buttons', async () => {
    let release: (p: ProcessedPhoto) => void = () => {}
    const w = mountCapture({ process: () => new Promise<ProcessedPhoto>((r) => (release = r)) })
    await pick(w, 'camera', [jpegFile()])
    expect(w.find('[data-testid=photo-progress]').text()).toContain('1/1')
    expect(w.find('[data-testid=photo-take]').attributes('disabled')).toBeDefined()
    release(processed())
    await flushPromises()
    expect(w.find('[data-testid=photo-progress]').exists()).toBe(false)
  })

  it('revokes the thumbnails’ object URLs when a photo is removed and on unmount', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const w = mountCapture({ process: vi.fn<PhotoProcessor>().mockResolvedValueOnce(processed()).mockResolvedValueOnce(processed()) })
    await pick(w, 'gallery', [jpegFile('1.jpg'), jpegFile('2.jpg')])
    await w.findAll('[data-testid=photo-remove]')[0]!.trigger('click')
    await flushPromises()
    expect(revoke).toHaveBeenCalledTimes(1)
    w.unmount()
    wrappers.splice(wrappers.indexOf(w), 1)
    expect(revoke).toHaveBeenCalledTimes(2)
    revoke.mockRestore()
  })
})
