/**
 * Error codes of supervision (supervision, exchange, statistics): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const SUPERVISION_ERRORS = {
  'supervision.clue_not_found': { kind: 'not_found', zh: '线索不存在', en: 'No such clue' },
  'supervision.clue_closed': { kind: 'conflict', zh: '该线索已处理完毕', en: 'This clue is closed already' },
  'supervision.clue_conflict': {
    kind: 'conflict',
    zh: '线索已被他人更新，请刷新后重试',
    en: 'The clue changed meanwhile; reload and try again',
  },
  'supervision.unknown_department': { kind: 'invalid', zh: '没有这个部门', en: 'No such department' },
  'supervision.same_department': { kind: 'invalid', zh: '线索已在该部门', en: 'The clue is with that department already' },
  'supervision.not_your_department': {
    kind: 'forbidden',
    zh: '只能为本部门录入线索，其他部门请录入后移送',
    en: 'You may enter clues for your own department only; transfer it afterwards',
  },
  'supervision.target_exists': {
    kind: 'conflict',
    zh: '本区该年度该指标的目标已存在，请修改原目标',
    en: 'The district has a target for that year and metric already; edit it instead',
  },
  'supervision.target_not_found': { kind: 'not_found', zh: '没有这个目标', en: 'No such target' },
  'supervision.target_fixed': {
    kind: 'forbidden',
    zh: '省、市目标来自其文件，只能在文件未给出数值时录入数值',
    en: 'Province and city targets come from their documents: only a missing figure may be entered',
  },
  'supervision.case_joint_only': {
    kind: 'forbidden',
    zh: '该案件由其他部门主办，协办部门只能查阅和补充证据',
    en: 'Another department holds this case; a joint department may read it and add evidence only',
  },
  'supervision.case_same_department': { kind: 'invalid', zh: '案件已由该部门主办', en: 'That department holds the case already' },
  'supervision.case_joint_already': {
    kind: 'invalid',
    zh: '这些部门已在办理该案件',
    en: 'Those departments are handling the case already',
  },
  'supervision.not_holder': {
    kind: 'forbidden',
    zh: '该线索由其他部门承办，共享给本部门的线索只能查阅',
    en: 'Another department holds this clue; a clue shared with yours is read-only',
  },
  'supervision.subject_not_found': { kind: 'invalid', zh: '线索对象不存在', en: 'No such party, product or session' },
  'exchange.malformed': {
    kind: 'invalid',
    zh: '数据包格式不正确：{issue}',
    en: 'The bundle is malformed: {issue}',
  },
  'exchange.unknown_region': {
    kind: 'invalid',
    zh: '数据包来自未登记的地区（{region}），请先登记该地区的公钥',
    en: 'The bundle comes from a region not registered here ({region}); register its public key first',
  },
  'exchange.own_region': { kind: 'invalid', zh: '这是本地区导出的数据包', en: 'This bundle was exported by this region' },
  'exchange.key_mismatch': {
    kind: 'invalid',
    zh: '数据包的密钥编号与登记的 {region} 公钥不符',
    en: 'The bundle’s key id does not match the key registered for {region}',
  },
  'exchange.bad_signature': {
    kind: 'invalid',
    zh: '签名验证失败：数据包不是由该地区签发，或已被改动',
    en: 'Signature check failed: the bundle was not signed by that region, or was changed',
  },
  'exchange.stale': {
    kind: 'invalid',
    zh: '数据包的生成时间不可信（{createdAt}）：早于 180 天或晚于当前时间',
    en: 'The bundle’s creation time is not credible ({createdAt}): older than 180 days or in the future',
  },
  'exchange.already_imported': { kind: 'conflict', zh: '该数据包已导入过', en: 'This bundle was imported already' },
  'exchange.bad_public_key': {
    kind: 'invalid',
    zh: '公钥无效：请粘贴 Ed25519 公钥（PEM 或 32 字节 base64）',
    en: 'Invalid public key: paste an Ed25519 public key (PEM or 32 bytes in base64)',
  },
  'exchange.own_region_key': {
    kind: 'invalid',
    zh: '不能把本地区登记为合作地区',
    en: 'This region cannot be registered as its own partner',
  },
  'supervision.wall_stream_accept': {
    kind: 'invalid',
    zh: '实时推送需以 text/event-stream 方式订阅（EventSource）',
    en: 'The live stream is served as text/event-stream (use an EventSource)',
  },
  'supervision.case_not_found': { kind: 'not_found', zh: '案件不存在', en: 'No such case' },
  'supervision.case_wrong_step': {
    kind: 'conflict',
    zh: '案件当前状态（{status}）不允许此操作',
    en: 'The case’s current state ({status}) does not allow this step',
  },
  'supervision.case_deadline_passed': {
    kind: 'conflict',
    zh: '陈述申辩期限已过（截止 {due}），不能再提交',
    en: 'The period for the statement and defence ended ({due}); it can no longer be submitted',
  },
  'supervision.case_defence_open': {
    kind: 'conflict',
    zh: '当事人陈述申辩期限未满（截止 {due}），尚不能作出决定',
    en: 'The party may still state its case until {due}; no decision before then',
  },
  'supervision.case_conflict': {
    kind: 'conflict',
    zh: '案件已被他人更新，请刷新后重试',
    en: 'The case changed meanwhile; reload and try again',
  },
  'supervision.case_no_decision': { kind: 'not_found', zh: '该案件尚未作出处罚决定', en: 'This case has no decision yet' },
  'supervision.ip_notice_not_found': { kind: 'not_found', zh: '侵权通知不存在', en: 'No such infringement notice' },
  'supervision.ip_brand_not_protected': {
    kind: 'invalid',
    zh: '该品牌不在重点商标保护名录中，不能据此发出侵权通知',
    en: 'The brand is not on the key-trademark protection list; no notice can be filed on it',
  },
  'supervision.ip_not_rights_holder': {
    kind: 'forbidden',
    zh: '只有该商标的权利人或知识产权局可以发出侵权通知',
    en: 'Only the holder of the trademark or the intellectual-property office may file a notice on it',
  },
  'supervision.ip_own_product': {
    kind: 'invalid',
    zh: '不能对权利人自己的商品发出侵权通知',
    en: 'A notice cannot be filed against the rights holder’s own product',
  },
  'supervision.ip_evidence_invalid': {
    kind: 'invalid',
    zh: '证据材料不存在或不是您上传的',
    en: 'The evidence does not exist or was not uploaded by you',
  },
  'supervision.ip_open_notice': {
    kind: 'conflict',
    zh: '该商品已有一份处理中的同一商标侵权通知（{noticeNo}）',
    en: 'This product already has an open notice on this trademark ({noticeNo})',
  },
  'supervision.ip_wrong_step': {
    kind: 'conflict',
    zh: '侵权通知当前状态（{status}）不允许此操作',
    en: 'The notice’s current state ({status}) does not allow this step',
  },
  'supervision.ip_action_too_late': {
    kind: 'conflict',
    zh: '反通知转送后十五日的期限已过（截止 {due}），商品将恢复上架',
    en: 'The fifteen days after the counter-notice was forwarded ended ({due}); the product is restored',
  },
  'supervision.ip_conflict': {
    kind: 'conflict',
    zh: '侵权通知已被他人更新，请刷新后重试',
    en: 'The notice changed meanwhile; reload and try again',
  },
  'supervision.case_measure_party': {
    kind: 'invalid',
    zh: '暂停直播、撤销认证只适用于主播',
    en: 'A live suspension or a revoked certification applies to a streamer only',
  },
  'supervision.case_product_not_party': {
    kind: 'invalid',
    zh: '下架的商品须为当事商家的商品',
    en: 'The product taken down must be the party’s own',
  },
  'supervision.evidence_not_found': { kind: 'invalid', zh: '证据不存在', en: 'No such evidence' },
  'supervision.evidence_attached': { kind: 'invalid', zh: '该证据已附入本案', en: 'This evidence is attached to the case already' },
  'supervision.document_not_found': { kind: 'invalid', zh: '材料不存在或不属于您', en: 'No such document of yours' },
  'statistics.bad_year': { kind: 'invalid', zh: '年份应在2000至2099之间', en: 'The year must be from 2000 to 2099' },
  'statistics.bad_month': { kind: 'invalid', zh: '月份格式应为YYYY-MM', en: 'The month must be YYYY-MM' },
  'statistics.report_not_found': { kind: 'not_found', zh: '该月的月度报告尚未生成', en: 'No monthly report for that month yet' },
} as const satisfies Record<string, ErrorDef>;
