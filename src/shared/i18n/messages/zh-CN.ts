/**
 * zh-CN messages: the default language and the source of the message schema.
 * JSON so the build can precompile every message (see i18nPrecompile in vite.config.ts);
 * one file per namespace so features can grow their texts without touching each other's.
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

const zhCN = { ...core, assets, seals, licences, labels, scanner, photos, inspections, rectification, rankings, vehicles, requests, tasks, dorms, kpis, supervision }

export type MessageSchema = typeof zhCN
export default zhCN
