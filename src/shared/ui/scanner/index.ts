/** The scanner's public surface. The component is small; html5-qrcode loads only when it starts. */
export { default as QrScanner } from './QrScanner.vue'
export { scanFeedback, type Tone } from './feedback'
export type { CameraProblem } from './cameraError'
