/**
 * zh-CN messages: the default language and the source of the message schema.
 * JSON so the build can precompile every message (see i18nPrecompile in vite.config.ts);
 * one file per namespace so features can grow their texts without touching each other's.
 * The app loads them one by one (shared/i18n/index.ts): the core file (common texts, Home, Me,
 * sign-in…) before the first page, a feature's namespace before a page that shows it. This
 * module gathers them all for the types and for tests.
 * Avoid '@', '|' and braces except for {placeholders}: vue-i18n treats them as syntax.
 */
import core from './zh-CN.json'
import assets from './zh-CN.assets.json'
import seals from './zh-CN.seals.json'
import licences from './zh-CN.licences.json'
import labels from './zh-CN.labels.json'
import scanner from './zh-CN.scanner.json'
import photos from './zh-CN.photos.json'
import inspections from './zh-CN.inspections.json'
import rectification from './zh-CN.rectification.json'
import rankings from './zh-CN.rankings.json'
import vehicles from './zh-CN.vehicles.json'
import requests from './zh-CN.requests.json'
// tasks engine (事务处理, 督办) and the company calendar
import tasks from './zh-CN.tasks.json'
// dormitories
import dorms from './zh-CN.dorms.json'
// KPIs (考核指标)
import kpis from './zh-CN.kpis.json'
// supervisory inspections (监督检查)
import supervision from './zh-CN.supervision.json'

/** The feature namespaces, each a file (and a chunk) of its own per language. */
const namespaces = { assets, seals, licences, labels, scanner, photos, inspections, rectification, rankings, vehicles, requests, tasks, dorms, kpis, supervision }
const zhCN = { ...core, ...namespaces }

export type MessageSchema = typeof zhCN
export type MessageNamespace = keyof typeof namespaces
export default zhCN
