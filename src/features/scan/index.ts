/** Public API of the scan feature (QR scanning arrives with assets). */
export { scanRoutes } from './routes'
