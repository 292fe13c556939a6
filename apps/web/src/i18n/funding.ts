/**
 * Messages of 项目资金绩效评价 (project funding with performance evaluation): the menu entries and the evaluator
 * role. The pages themselves are in Chinese only (the funding is a Chinese public-finance procedure). Merged into the
 * dictionary by i18n/index.ts; zh-CN is the source, en-US provides every key.
 */

export const fundingZh = {
  'nav.fundingAdmin': '项目资金',
  'nav.myFunding': '我的项目',
  'nav.evaluationTasks': '评估任务',
  'nav.evaluatorWorkbench': '评估机构工作台',
  'role.evaluator': '第三方评估机构',
  'workbench.title.evaluator': '评估机构工作台',
  'workbench.subtitle.evaluator': '承担评估的项目资金绩效评价',
  'activity.target.funding_project': '项目资金',
  'activity.action.funding.create': '设立项目资金',
  'activity.action.funding.tranche_add': '增加资金拨付批次',
  'activity.action.funding.pay': '拨付项目资金',
  'activity.action.funding.self_assess': '提交自查自评',
  'activity.action.funding.evaluate': '提交第三方评估',
  'activity.action.funding.rectification_report': '提交整改报告',
  'activity.action.funding.rectification_accept': '整改验收通过',
  'activity.action.funding.exit': '项目退出并收回资金',
};

export const fundingEn: Record<keyof typeof fundingZh, string> = {
  'nav.fundingAdmin': 'Project funding',
  'nav.myFunding': 'My funded projects',
  'nav.evaluationTasks': 'Evaluation tasks',
  'nav.evaluatorWorkbench': 'Evaluator workbench',
  'role.evaluator': 'Third-party evaluator',
  'workbench.title.evaluator': 'Evaluator workbench',
  'workbench.subtitle.evaluator': 'Performance evaluations of the funded projects assigned to you',
  'activity.target.funding_project': 'Funded project',
  'activity.action.funding.create': 'Set up a funded project',
  'activity.action.funding.tranche_add': 'Added a tranche',
  'activity.action.funding.pay': 'Paid a tranche',
  'activity.action.funding.self_assess': 'Filed a self-assessment',
  'activity.action.funding.evaluate': 'Submitted a third-party evaluation',
  'activity.action.funding.rectification_report': 'Filed a rectification report',
  'activity.action.funding.rectification_accept': 'Accepted a rectification',
  'activity.action.funding.exit': 'Project exited, funds clawed back',
};
