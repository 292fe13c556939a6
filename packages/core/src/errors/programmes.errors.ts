/**
 * Error codes of programmes (programmes, campaigns): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const PROGRAMMES_ERRORS = {
  'campaigns.not_found': { kind: 'not_found', zh: '活动不存在', en: 'No such campaign' },
  'campaigns.enrolment_not_found': { kind: 'not_found', zh: '报名记录不存在', en: 'No such enrolment' },
  'campaigns.ends_before_start': { kind: 'invalid', zh: '活动结束时间须晚于开始时间', en: 'A campaign must end after it starts' },
  'campaigns.in_past': { kind: 'invalid', zh: '活动结束时间须晚于当前时间', en: 'A campaign must end in the future' },
  'campaigns.bad_deadline': {
    kind: 'invalid',
    zh: '报名截止时间须晚于当前时间且不晚于活动结束时间',
    en: 'The enrolment deadline must be in the future and no later than the campaign’s end',
  },
  'campaigns.cap_category': {
    kind: 'invalid',
    zh: '限价类目须是活动类目之一',
    en: 'A price cap’s category must be one of the campaign’s categories',
  },
  'campaigns.bad_state': { kind: 'conflict', zh: '活动当前状态不允许此操作', en: 'The campaign’s status does not allow this' },
  'campaigns.base_not_certified': {
    kind: 'forbidden',
    zh: '直播基地通过认证后方可举办活动',
    en: 'Only a certified live base may organise campaigns',
  },
  'campaigns.enrolment_closed': { kind: 'conflict', zh: '活动报名已截止或尚未开放', en: 'Enrolment for this campaign is closed' },
  'campaigns.not_yours': {
    kind: 'forbidden',
    zh: '只能报名本方的商品或直播场次',
    en: 'You may enrol only your own products or live sessions',
  },
  'campaigns.wrong_enroller': {
    kind: 'forbidden',
    zh: '商品由商家报名，直播场次由主播或 MCN 机构报名',
    en: 'Merchants enrol products; streamers and MCN managers enrol live sessions',
  },
  'campaigns.rules_failed': { kind: 'invalid', zh: '不符合活动规则：{reasons}', en: 'Does not meet the campaign’s rules: {reasons}' },
  'campaigns.already_enrolled': { kind: 'conflict', zh: '已报名本活动', en: 'Already enrolled in this campaign' },
  'campaigns.already_decided': { kind: 'conflict', zh: '该报名已审核', en: 'This enrolment has already been decided' },
  'campaigns.not_ended': { kind: 'conflict', zh: '活动结束后方可生成总结报告', en: 'The report is available once the campaign has ended' },
  'programmes.studio_not_found': { kind: 'not_found', zh: '直播间不存在', en: 'No such studio' },
  'programmes.booking_not_found': { kind: 'not_found', zh: '预约不存在', en: 'No such booking' },
  'programmes.name_taken': { kind: 'conflict', zh: '本基地已有同名直播间', en: 'The base already has a studio of that name' },
  'programmes.bad_hours': {
    kind: 'invalid',
    zh: '营业时间无效：每周 7 天，每天关闭或在整点/半点开始并在当天结束',
    en: 'Invalid opening hours: 7 days, each closed or opening and closing on the half-hour within the day',
  },
  'programmes.slot_taken': { kind: 'conflict', zh: '该时段已被预约', en: 'That slot is already booked' },
  'programmes.outside_hours': { kind: 'invalid', zh: '预约时段不在直播间营业时间内', en: 'The slot is outside the studio’s opening hours' },
  'programmes.not_half_hour': {
    kind: 'invalid',
    zh: '预约须从整点或半点开始和结束',
    en: 'Bookings start and end on the hour or half-hour',
  },
  'programmes.in_past': { kind: 'invalid', zh: '预约开始时间须晚于当前时间', en: 'A booking must start in the future' },
  'programmes.too_far_ahead': { kind: 'invalid', zh: '最多可提前 30 天预约', en: 'Bookings open at most 30 days ahead' },
  'programmes.bad_length': { kind: 'invalid', zh: '预约时长须为 1 至 8 小时', en: 'A booking lasts 1 to 8 hours' },
  'programmes.booking_suspended': {
    kind: 'conflict',
    zh: '30 天内爽约 3 次，暂停预约至 {until}',
    en: '3 no-shows within 30 days: booking is suspended until {until}',
  },
  'programmes.not_cancellable': { kind: 'conflict', zh: '该预约已无法取消', en: 'This booking can no longer be cancelled' },
  'programmes.not_checkable': { kind: 'conflict', zh: '该预约无法签到', en: 'This booking cannot be checked in' },
  'programmes.check_in_early': { kind: 'conflict', zh: '签到开放时间为开始前 15 分钟', en: 'Check-in opens 15 minutes before the start' },
  'programmes.check_in_late': { kind: 'conflict', zh: '已超过开始后 30 分钟，无法签到', en: 'Check-in closed 30 minutes after the start' },
  'programmes.session_invalid': {
    kind: 'invalid',
    zh: '所选直播场次不是您的待开播或直播中场次',
    en: 'The session chosen is not one of your scheduled or live sessions',
  },
} as const satisfies Record<string, ErrorDef>;
