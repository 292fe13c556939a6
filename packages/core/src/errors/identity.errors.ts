/**
 * Error codes of identity (auth, user, org, invitation, token): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const IDENTITY_ERRORS = {
  'auth.required': { kind: 'unauthenticated', zh: '请先登录', en: 'Please sign in first' },
  'auth.invalid_credentials': { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.session_expired': { kind: 'unauthenticated', zh: '登录已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  'auth.invalid_token': { kind: 'unauthenticated', zh: 'API 令牌无效、已过期或已吊销', en: 'The API token is invalid, expired or revoked' },
  'auth.rate_limited': {
    kind: 'rate_limited',
    zh: '尝试过于频繁，请 {seconds} 秒后再试',
    en: 'Too many attempts, try again in {seconds} seconds',
  },
  'auth.csrf': { kind: 'forbidden', zh: '缺少或错误的 CSRF 令牌', en: 'Missing or wrong CSRF token' },
  'auth.forbidden': { kind: 'forbidden', zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  'auth.scope': { kind: 'forbidden', zh: 'API 令牌缺少所需权限范围：{scope}', en: 'The API token lacks the scope {scope}' },
  'auth.tenant': { kind: 'forbidden', zh: '无权访问其他组织的数据', en: 'You may not access another organization’s data' },
  'auth.user_disabled': { kind: 'forbidden', zh: '账号已停用', en: 'This account is disabled' },
  'auth.membership_not_found': { kind: 'not_found', zh: '未找到该成员身份', en: 'No such membership' },
  'user.not_found': { kind: 'not_found', zh: '用户不存在', en: 'No such user' },
  'user.username_taken': { kind: 'conflict', zh: '用户名已被占用', en: 'That username is taken' },
  'org.not_found': { kind: 'not_found', zh: '组织不存在', en: 'No such organization' },
  'org.name_taken': { kind: 'conflict', zh: '同名组织已存在', en: 'An organization with that name exists' },
  'org.parent_invalid': { kind: 'invalid', zh: '上级组织无效', en: 'Invalid parent organization' },
  'org.role_not_allowed': {
    kind: 'invalid',
    zh: '该类组织不能设置角色 {role}',
    en: 'Role {role} is not allowed in this kind of organization',
  },
  'org.department_invalid': { kind: 'invalid', zh: '部门不属于该组织', en: 'The department does not belong to this organization' },
  'org.member_exists': { kind: 'conflict', zh: '该用户已是此组织的该角色成员', en: 'The user already has that role in this organization' },
  'org.member_not_found': { kind: 'not_found', zh: '成员不存在', en: 'No such member' },
  'org.invitation_required': {
    kind: 'forbidden',
    zh: '不能直接把他人加入组织：请发送成员邀请，对方接受后才成为成员',
    en: 'You cannot add people to an organization directly: send an invitation, and they become members when they accept',
  },
  'org.last_manager': {
    kind: 'conflict',
    zh: '组织至少需要保留一名管理人员：请先邀请另一名管理人员',
    en: 'An organization keeps at least one manager: invite another manager first',
  },
  'invitation.not_found': { kind: 'not_found', zh: '邀请不存在', en: 'No such invitation' },
  'invitation.invitee_not_found': {
    kind: 'not_found',
    zh: '没有使用该用户名或手机号的用户',
    en: 'No user has that username or mobile number',
  },
  'invitation.exists': {
    kind: 'conflict',
    zh: '已向该用户发出同一角色的邀请，正在等待对方处理',
    en: 'An invitation for that role is already waiting for this user',
  },
  'invitation.expired': { kind: 'conflict', zh: '邀请已过期，请联系对方重新邀请', en: 'The invitation has expired: ask for a new one' },
  'invitation.closed': {
    kind: 'conflict',
    zh: '邀请已处理（已接受、已拒绝或已撤销），不能再操作',
    en: 'The invitation has already been accepted, declined or revoked',
  },
  'invitation.other_mcn': {
    kind: 'conflict',
    zh: '你已是 MCN 机构「{org}」的成员，一名主播同一时间只能签约一家 MCN：请先退出该机构再接受邀请',
    en: 'You are already a member of the MCN “{org}”, and a streamer belongs to one MCN at a time: leave it before accepting',
  },
  'token.not_found': { kind: 'not_found', zh: 'API 令牌不存在', en: 'No such API token' },
} as const satisfies Record<string, ErrorDef>;
