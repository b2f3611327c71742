/**
 * Photos: blob store, upload queue, transports, display sources. Light on purpose:
 * the processing pipeline (pica) is a separate entry, `@/platform/photos/process`,
 * loaded on demand by the capture UI.
 */
export type { ProcessedPhoto, PhotoOwner, PhotoRegisterPayload, WatermarkText } from './types'
export type { QualityWarning, QualityMeasure, QualityThresholds } from './math'
export { PHOTO_TABLES, photoRegisterOps, photoRegisterPayload, photoRow, savePhotos, storagePath } from './store'
export { createPhotoUploadQueue, type PhotoUploadQueue, type UploadQueueOptions, type UploadQueueState } from './uploadQueue'
export { createLocalPhotoTransport, PhotoUploadError, type PhotoTransport } from './transport'
export { createSupabasePhotoTransport, signedPhotoUrl, PHOTO_BUCKET } from './supabaseTransport'
export { loadPhotoSource, type PhotoSource } from './source'
export { createAppPhotoTransport } from './appTransport'
