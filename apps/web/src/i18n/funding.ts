/**
 * Messages of 项目资金绩效评价 (project funding with performance evaluation): the menu entries and the evaluator
 * role. The pages themselves are in Chinese only (the funding is a Chinese public-finance procedure). Merged into the
 * dictionary by i18n/index.ts; zh-CN is the source, en-US provides every key.
 */

export const fundingZh = {
  'nav.fundingAdmin': '项目资金',
  'nav.myFunding': '我的项目',
  'nav.evaluationTasks': '评估任务',
  'role.evaluator': '第三方评估机构',
  'workbench.title.evaluator': '评估任务',
  'workbench.subtitle.evaluator': '承担评估的项目资金绩效评价',
};

export const fundingEn: Record<keyof typeof fundingZh, string> = {
  'nav.fundingAdmin': 'Project funding',
  'nav.myFunding': 'My funded projects',
  'nav.evaluationTasks': 'Evaluation tasks',
  'role.evaluator': 'Third-party evaluator',
  'workbench.title.evaluator': 'Evaluation tasks',
  'workbench.subtitle.evaluator': 'Performance evaluations of the funded projects assigned to you',
};
