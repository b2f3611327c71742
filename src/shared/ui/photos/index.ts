/** Photo UI: capture (processing loads on first use), thumbnails, a strip with the full-screen viewer. */
export { default as PhotoCapture } from './PhotoCapture.vue'
export { default as PhotoThumb } from './PhotoThumb.vue'
export { default as PhotoStrip } from './PhotoStrip.vue'
export { default as PhotoUploadStatus } from './PhotoUploadStatus.vue'
export { openPhotoViewer, type SourceLoader } from './viewer'
export type { PhotoProcessor } from './processor'
