import type { ProcessedPhoto } from '@/platform/photos'
import type { ProcessOptions } from '@/platform/photos/process'

export type PhotoProcessor = (file: File, opts: ProcessOptions) => Promise<ProcessedPhoto>

/** Loads the pipeline (pica) only when the first photo is taken: it stays out of page chunks. */
export const defaultProcessor: PhotoProcessor = async (file, opts) => {
  const { processPhoto } = await import('@/platform/photos/process')
  return processPhoto(file, opts)
}
