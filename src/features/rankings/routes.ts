import type { RouteRecordRaw } from 'vue-router'
import { LEDGER_READ_ROLES, RANKING_READ_ROLES, REWARD_EDIT_ROLES, TEMPLATE_EDIT_ROLES } from './domain/access'

export const rankingRoutes: RouteRecordRaw[] = [
  {
    path: '/rankings',
    name: 'rankings',
    component: () => import('./pages/RankingsPage.vue'),
    meta: { titleKey: 'rankings.titles.rankings', roles: RANKING_READ_ROLES, messages: ['inspections'] },
  },
  {
    path: '/rewards/ledger',
    name: 'ledger',
    component: () => import('./pages/LedgerPage.vue'),
    meta: { titleKey: 'rankings.titles.ledger', roles: LEDGER_READ_ROLES, messages: ['inspections'] },
  },
  {
    path: '/rewards/rules',
    name: 'rewardRules',
    component: () => import('./pages/RewardRulesPage.vue'),
    meta: { titleKey: 'rankings.titles.rules', roles: REWARD_EDIT_ROLES, companyWide: true },
  },
  {
    path: '/rewards/rules/new',
    name: 'rewardRuleNew',
    component: () => import('./pages/RuleEditPage.vue'),
    meta: { titleKey: 'rankings.titles.ruleEdit', roles: REWARD_EDIT_ROLES, companyWide: true },
  },
  {
    path: '/rewards/rules/:id',
    name: 'rewardRule',
    component: () => import('./pages/RuleEditPage.vue'),
    meta: { titleKey: 'rankings.titles.ruleEdit', roles: REWARD_EDIT_ROLES, companyWide: true },
  },
  {
    path: '/templates',
    name: 'templates',
    component: () => import('./pages/TemplatesPage.vue'),
    meta: { titleKey: 'rankings.titles.templates', roles: TEMPLATE_EDIT_ROLES, companyWide: true, messages: ['inspections'] },
  },
  {
    path: '/templates/:id/edit',
    name: 'templateEdit',
    component: () => import('./pages/TemplateEditPage.vue'),
    meta: { titleKey: 'rankings.titles.templateEdit', roles: TEMPLATE_EDIT_ROLES, companyWide: true, messages: ['inspections'] },
  },
]
