/** Full-screen photo viewer (Vant ImagePreview): device copies first, signed URLs in Supabase mode. */
import { showImagePreview, showToast } from 'vant'
import 'vant/es/image-preview/style'
import 'vant/es/toast/style'
import { loadPhotoSource, type PhotoSource } from '@/platform/photos/source'

export type SourceLoader = (id: string, variant: 'thumb' | 'full') => Promise<PhotoSource>

/** The device db loads with the first saved photo shown: a form with a capture paints before Dexie (issue 13). */
export const defaultLoader: SourceLoader = async (id, variant) => loadPhotoSource((await import('@/platform/db')).getDb(), id, variant)

export interface ViewerTexts {
  /** The viewer's accessible name (it is a dialog). */
  title: string
  missing: string
  someMissing: string
}

/** Vant's preview is an unnamed role=dialog popup: its attributes fall through to it. */
const named = (title: string) => ({ 'aria-label': title }) as Record<string, string>

/** Opens the viewer at `start`; photos not reachable are left out (with a toast saying so). */
export async function openPhotoViewer(
  ids: string[],
  start: number,
  texts: ViewerTexts,
  load: SourceLoader = defaultLoader,
): Promise<void> {
  const sources = await Promise.all(ids.map((id) => load(id, 'full').catch((): PhotoSource => ({ kind: 'missing' }))))
  const made: string[] = []
  const images: string[] = []
  let startAt = 0
  sources.forEach((s, i) => {
    if (s.kind === 'missing') return
    if (i === start) startAt = images.length
    if (s.kind === 'url') images.push(s.url)
    else {
      const url = URL.createObjectURL(s.blob)
      made.push(url)
      images.push(url)
    }
  })
  if (images.length === 0) return void showToast(texts.missing)
  if (images.length < ids.length) showToast(texts.someMissing)
  showImagePreview({
    ...named(texts.title),
    images,
    startPosition: startAt,
    closeable: true,
    onClose: () => made.forEach((u) => URL.revokeObjectURL(u)),
  })
}

/** Shows in-memory blobs (photos being captured, not saved yet). */
export function previewBlobs(blobs: Blob[], start: number, title: string): void {
  const made = blobs.map((b) => URL.createObjectURL(b))
  showImagePreview({
    ...named(title),
    images: made,
    startPosition: start,
    closeable: true,
    onClose: () => made.forEach((u) => URL.revokeObjectURL(u)),
  })
}
