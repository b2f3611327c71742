/**
 * Runs in Chromium (served by the Vite dev server): the real photo pipeline on a generated
 * 12-megapixel JPEG, and the real upload queue over real IndexedDB with a transport that
 * drops the connection mid-way.
 */
import { openDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync'
import {
  createPhotoUploadQueue,
  PHOTO_TABLES,
  photoRegisterOps,
  PhotoUploadError,
  savePhotos,
  type PhotoOwner,
  type PhotoTransport,
  type ProcessedPhoto,
} from '@/platform/photos'
import { processPhoto } from '@/platform/photos/process'

export interface CompressResult {
  inputKB: number
  runsMs: number[]
  outKB: number
  thumbKB: number
  width: number
  height: number
  warnings: string[]
  sharpness: number
  luminance: number
}

export interface UploadResult {
  totalMs: number
  offlineMs: number
  stored: number
  maxPerPath: number
  existsAnswers: number
  failures: number
  uploadedRows: number
  blobRows: number
}

declare global {
  interface Window {
    runOrientationCheck(): Promise<{ width: number; height: number; preview: string }>
    runCompressBench(runs: number): Promise<CompressResult>
    runUploadBench(count: number): Promise<UploadResult>
  }
}

/** A photo-like 4000×3000 JPEG: gradients, shapes with edges, fine texture and sensor noise. */
async function camera12mp(): Promise<Blob> {
  const w = 4000
  const h = 3000
  const canvas = new OffscreenCanvas(w, h)
  const ctx = canvas.getContext('2d')!
  const sky = ctx.createLinearGradient(0, 0, 0, h)
  sky.addColorStop(0, '#8fb8de')
  sky.addColorStop(0.55, '#e9e4d8')
  sky.addColorStop(1, '#6b5b4b')
  ctx.fillStyle = sky
  ctx.fillRect(0, 0, w, h)
  let seed = 42
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${Math.floor(rnd() * 360)} 40% ${30 + rnd() * 40}%)`
    const x = rnd() * w
    const y = rnd() * h
    if (i % 2) ctx.fillRect(x, y, 40 + rnd() * 400, 40 + rnd() * 300)
    else {
      ctx.beginPath()
      ctx.arc(x, y, 20 + rnd() * 200, 0, Math.PI * 2)
      ctx.fill()
    }
  }
  // Tiles/bricks: fine regular edges like a wall or floor.
  ctx.strokeStyle = 'rgba(40,40,40,0.5)'
  for (let y = h * 0.6; y < h; y += 24) {
    ctx.beginPath()
    ctx.moveTo(0, y)
    ctx.lineTo(w, y)
    ctx.stroke()
  }
  const img = ctx.getImageData(0, 0, w, h)
  const d = img.data
  for (let i = 0; i < d.length; i += 4) {
    const n = (rnd() - 0.5) * 24
    d[i] = d[i]! + n
    d[i + 1] = d[i + 1]! + n
    d[i + 2] = d[i + 2]! + n
  }
  ctx.putImageData(img, 0, 0)
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })
}

/** A JPEG with an EXIF APP1 saying "rotate 90° clockwise" (orientation 6), as phones write. */
function withOrientation6(jpeg: Uint8Array<ArrayBuffer>): Blob {
  const app1 = new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // APP1, "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // TIFF big-endian, IFD0 at 8
    0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, // Orientation = 6
    0x00, 0x00, 0x00, 0x00,
  ])
  return new Blob([jpeg.subarray(0, 2), app1, jpeg.subarray(2)], { type: 'image/jpeg' })
}

window.runOrientationCheck = async () => {
  const canvas = new OffscreenCanvas(2000, 1000)
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#c33'
  ctx.fillRect(0, 0, 1000, 1000)
  ctx.fillStyle = '#36c'
  ctx.fillRect(1000, 0, 1000, 1000)
  const raw = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())
  const p = await processPhoto(withOrientation6(raw), { watermark: { lines: ['2025-06-01 08:30', 'orientation 6', 'bench'] } })
  // PNG of the result, for a human look at the stamp (PHOTO_BENCH_PREVIEW=file.png).
  const bitmap = await createImageBitmap(p.blob)
  const look = new OffscreenCanvas(bitmap.width, bitmap.height)
  look.getContext('2d')!.drawImage(bitmap, 0, 0)
  const png = await look.convertToBlob({ type: 'image/png' })
  const preview = await new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsDataURL(png)
  })
  return { width: p.width, height: p.height, preview }
}

window.runCompressBench = async (runs) => {
  const input = await camera12mp()
  const lines = ['2025-06-01 08:30 (Asia/Shanghai)', 'A 栋 3 层 · 男卫生间 WC-3F-M', '保洁员 张三']
  const runsMs: number[] = []
  let last: ProcessedPhoto | null = null
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    last = await processPhoto(input, { watermark: { lines } })
    runsMs.push(performance.now() - t0)
  }
  const p = last!
  return {
    inputKB: input.size / 1024,
    runsMs,
    outKB: p.bytes / 1024,
    thumbKB: p.thumb.size / 1024,
    width: p.width,
    height: p.height,
    warnings: p.warnings,
    sharpness: p.quality.sharpness,
    luminance: p.quality.luminance,
  }
}

/**
 * Storage stand-in: 250 kB "photos", ~30 ms per upload. After 20 uploads the network drops
 * for `offlineMs`; the first upload hit by the drop was stored but its answer was lost, so
 * the retry must get "exists" (the duplicate a real flaky network makes).
 */
function flakyStorage(offlineMs: number, onBack: () => void) {
  const stored = new Map<string, number>()
  let online = true
  let done = 0
  let dropped = false
  const stats = { existsAnswers: 0, failures: 0 }
  const transport: PhotoTransport = {
    async upload(path, blob) {
      if (!online) {
        stats.failures++
        throw new PhotoUploadError('offline', 0, true)
      }
      await new Promise((r) => setTimeout(r, 20 + blob.size / 25_000))
      if (stored.has(path)) {
        stats.existsAnswers++
        return 'exists'
      }
      stored.set(path, (stored.get(path) ?? 0) + 1)
      done++
      if (done === 20 && !dropped) {
        dropped = true
        online = false
        setTimeout(() => {
          online = true
          onBack()
        }, offlineMs)
        stats.failures++
        throw new PhotoUploadError('connection reset', 0, true) // stored, answer lost
      }
      return 'uploaded'
    },
  }
  return { transport, stored, stats, isOnline: () => online }
}

window.runUploadBench = async (count) => {
  const db = openDb(`bench-photos-${crypto.randomUUID()}`)
  const owner: PhotoOwner = { table: 'seal_usages', id: crypto.randomUUID(), takenBy: 'bench' }
  const bytes = new Uint8Array(250 * 1024)
  const photos: ProcessedPhoto[] = Array.from({ length: count }, (_, i) => {
    const blob = new Blob([bytes, String(i)], { type: 'image/jpeg' })
    return {
      id: crypto.randomUUID(),
      blob,
      thumb: new Blob([bytes.subarray(0, 8000)], { type: 'image/jpeg' }),
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: blob.size,
      taken_at: new Date(Date.UTC(2025, 5, 1, 8, 0, i)).toISOString(),
      warnings: [],
      quality: { luminance: 120, sharpness: 300 },
    }
  })
  const ops = [buildOp('seal_usage.record', owner.table, owner.id, { id: owner.id }), ...photoRegisterOps(photos, owner)]
  await commitWithOutbox(db, [...PHOTO_TABLES], ops, async () => {
    await savePhotos(db, photos, owner)
  })

  const offlineMs = 500
  const events = new EventTarget()
  const net = flakyStorage(offlineMs, () => events.dispatchEvent(new Event('online')))
  const queue = createPhotoUploadQueue({ db, transport: net.transport, isOnline: net.isOnline, window: events, document: null })
  const t0 = performance.now()
  const finished = new Promise<void>((resolve) => {
    queue.subscribe((s) => {
      if (s.pending === 0 && s.uploading === 0 && performance.now() > t0 && net.stored.size === count) resolve()
    })
  })
  queue.start()
  await finished
  // Let the last uploaded_at writes settle.
  await queue.uploadNow()
  const totalMs = performance.now() - t0
  queue.stop()
  const rows = await db.photo_blobs.toArray()
  const result: UploadResult = {
    totalMs,
    offlineMs,
    stored: net.stored.size,
    maxPerPath: Math.max(...net.stored.values()),
    existsAnswers: net.stats.existsAnswers,
    failures: net.stats.failures,
    uploadedRows: rows.filter((r) => r.uploaded_at !== null).length,
    blobRows: rows.length,
  }
  db.close()
  return result
}
