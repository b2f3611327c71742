/**
 * en messages, part 1 of 3:
 * the core file (common texts, Home, Me, sign-in…) and the assets, seals, licences, labels, scanner and photos namespaces.
 * A load unit only (issue 13): each part is a chunk of its own, evaluated in a task of its own at
 * start-up (all in one made a long task on a slow phone). Parts are of similar size; a new
 * namespace joins the smallest. en.ts joins them.
 */
import core from './en.json'
import assets from './en.assets.json'
import seals from './en.seals.json'
import licences from './en.licences.json'
import labels from './en.labels.json'
import scanner from './en.scanner.json'
import photos from './en.photos.json'

export default { ...core, assets, seals, licences, labels, scanner, photos }
