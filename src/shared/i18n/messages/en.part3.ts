/**
 * en messages, part 3 of 3:
 * the tasks engine and calendar, dormitories, KPIs and supervisory inspections.
 * A load unit only (issue 13): each part is a chunk of its own, evaluated in a task of its own at
 * start-up (all in one made a long task on a slow phone). Parts are of similar size; a new
 * namespace joins the smallest. en.ts joins them.
 */
// tasks engine (事务处理, 督办) and the company calendar
import tasks from './en.tasks.json'
// dormitories
import dorms from './en.dorms.json'
// KPIs (考核指标)
import kpis from './en.kpis.json'
// supervisory inspections (监督检查)
import supervision from './en.supervision.json'

export default { tasks, dorms, kpis, supervision }
