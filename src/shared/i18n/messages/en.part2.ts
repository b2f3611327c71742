/**
 * en messages, part 2 of 3:
 * inspections, rectification, rankings, vehicles and requests.
 * A load unit only (issue 13): each part is a chunk of its own, evaluated in a task of its own at
 * start-up (all in one made a long task on a slow phone). Parts are of similar size; a new
 * namespace joins the smallest. en.ts joins them.
 */
import inspections from './en.inspections.json'
import rectification from './en.rectification.json'
import rankings from './en.rankings.json'
import vehicles from './en.vehicles.json'
import requests from './en.requests.json'

export default { inspections, rectification, rankings, vehicles, requests }
