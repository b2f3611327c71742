/**
 * English messages, one JSON file per namespace as zh-CN's (see zh-CN.ts), gathered here for tests.
 * Typed against zh-CN so a missing key fails the type check.
 */
import type { MessageSchema } from './zh-CN'
import core from './en.json'
import assets from './en.assets.json'
import seals from './en.seals.json'
import licences from './en.licences.json'
import labels from './en.labels.json'
import scanner from './en.scanner.json'
import photos from './en.photos.json'
import inspections from './en.inspections.json'
import rectification from './en.rectification.json'
import rankings from './en.rankings.json'
import vehicles from './en.vehicles.json'
import requests from './en.requests.json'
import tasks from './en.tasks.json'
import dorms from './en.dorms.json'
import kpis from './en.kpis.json'
import supervision from './en.supervision.json'

const en: MessageSchema = { ...core, assets, seals, licences, labels, scanner, photos, inspections, rectification, rankings, vehicles, requests, tasks, dorms, kpis, supervision }
export default en
