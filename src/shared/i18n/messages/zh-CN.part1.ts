/**
 * zh-CN messages, part 1 of 3:
 * the core file (common texts, Home, Me, sign-in…) and the assets, seals, licences, labels, scanner and photos namespaces.
 * A load unit only (issue 13): each part is a chunk of its own, evaluated in a task of its own at
 * start-up (all in one made a long task on a slow phone). Parts are of similar size; a new
 * namespace joins the smallest. zh-CN.ts joins them.
 */
import core from './zh-CN.json'
import assets from './zh-CN.assets.json'
import seals from './zh-CN.seals.json'
import licences from './zh-CN.licences.json'
import labels from './zh-CN.labels.json'
import scanner from './zh-CN.scanner.json'
import photos from './zh-CN.photos.json'

export default { ...core, assets, seals, licences, labels, scanner, photos }
