/**
 * The web UI's message dictionary. zh-CN is the source of truth; en-US must provide every key
 * (enforced by the type). Every visible string goes through `t()`.
 */
import type { Locale, OrgKind, Role } from '@livehub/contracts';
import { createContext, useContext } from 'react';

const zhCN = {
  'app.brand': 'LiveHub',
  'app.brandSub': '直播电商治理平台',
  'app.title': 'LiveHub 直播电商治理平台',
  'app.slogan': '让每一场直播都可信、可管、可追溯',
  'app.loading': '加载中…',
  'app.footer': 'LiveHub · 开源直播电商治理平台',

  'common.all': '全部',
  'common.create': '新建',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.save': '保存',
  'common.delete': '删除',
  'common.remove': '移除',
  'common.refresh': '刷新',
  'common.actions': '操作',
  'common.createdAt': '创建时间',
  'common.back': '返回',
  'common.none': '—',
  'common.comingSoon': '即将上线',
  'common.loadMore': '加载更多',
  'common.noMore': '没有更多了',
  'common.copy': '复制',
  'common.copied': '已复制',
  'common.required': '此项必填',
  'common.retry': '重试',
  'common.error': '出错了',
  'common.networkError': '网络异常，请稍后重试',
  'common.success': '操作成功',

  'lang.label': '语言',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',

  'login.title': '登录',
  'login.subtitle': '使用平台账号登录控制台',
  'login.username': '用户名',
  'login.usernamePlaceholder': '请输入用户名',
  'login.password': '密码',
  'login.passwordPlaceholder': '请输入密码',
  'login.submit': '登录',
  'login.noAccount': '还没有账号？',
  'login.register': '注册消费者账号',
  'login.demoTitle': '演示账号',
  'login.demoHint': '点击即可填入，密码均为 {password}',
  'login.failed': '登录失败',
  'login.feature1': '多角色工作台：平台、监管、基地、MCN、主播、商家',
  'login.feature2': '全链路审计：每一次写操作进入哈希链',
  'login.feature3': '开放 API：令牌授权，OpenAPI 文档',

  'register.title': '注册消费者账号',
  'register.subtitle': '注册后即可进入商城与直播广场',
  'register.displayName': '昵称',
  'register.displayNamePlaceholder': '在平台上显示的名字',
  'register.phone': '手机号（选填）',
  'register.phonePlaceholder': '11 位大陆手机号',
  'register.passwordHint': '至少 8 位',
  'register.submit': '注册并登录',
  'register.haveAccount': '已有账号？',
  'register.toLogin': '返回登录',
  'register.passwordTooShort': '密码至少 8 位',
  'register.phoneInvalid': '请输入 11 位大陆手机号',

  'role.platform_admin': '平台管理员',
  'role.reviewer': '平台审核员',
  'role.regulator': '监管人员',
  'role.base_operator': '基地运营',
  'role.mcn_manager': 'MCN 管理员',
  'role.streamer': '主播',
  'role.merchant_staff': '商家员工',
  'role.consumer': '消费者',

  'orgKind.platform': '平台',
  'orgKind.regulator': '监管机构',
  'orgKind.live_base': '直播基地',
  'orgKind.mcn': 'MCN 机构',
  'orgKind.merchant': '商家',

  'nav.workbench': '工作台',
  'nav.orgs': '组织管理',
  'nav.users': '用户管理',
  'nav.review': '审核队列',
  'nav.audit': '审计日志',
  'nav.regulatorWorkbench': '监管工作台',
  'nav.orgOverview': '组织总览',
  'nav.cases': '线索/案件',
  'nav.baseWorkbench': '基地工作台',
  'nav.baseOrgs': '入驻机构',
  'nav.mcnWorkbench': 'MCN工作台',
  'nav.mcnMembers': '成员/主播',
  'nav.streamerWorkbench': '主播工作台',
  'nav.selection': '选品中心',
  'nav.live': '直播',
  'nav.merchantWorkbench': '商家工作台',
  'nav.products': '商品',
  'nav.members': '成员',
  'nav.shop': '商城首页',
  'nav.liveSquare': '直播广场',
  'nav.tokens': 'API 令牌',

  'header.orgSwitcher': '切换组织',
  'header.switched': '已切换到 {org}',
  'header.apiTokens': 'API 令牌',
  'header.apiDocs': 'API 文档',
  'header.logout': '退出登录',
  'header.noOrg': '个人账号',

  'workbench.title.platform_admin': '平台工作台',
  'workbench.title.reviewer': '审核工作台',
  'workbench.title.regulator': '监管工作台',
  'workbench.title.base_operator': '基地工作台',
  'workbench.title.mcn_manager': 'MCN 工作台',
  'workbench.title.streamer': '主播工作台',
  'workbench.title.merchant_staff': '商家工作台',
  'workbench.title.consumer': '我的账户',
  'workbench.subtitle.platform_admin': '平台全局运营与治理概览',
  'workbench.subtitle.reviewer': '内容与商品审核概览',
  'workbench.subtitle.regulator': '辖区直播电商监管概览',
  'workbench.subtitle.base_operator': '直播基地与入驻机构概览',
  'workbench.subtitle.mcn_manager': '机构成员与主播概览',
  'workbench.subtitle.streamer': '我的直播与选品概览',
  'workbench.subtitle.merchant_staff': '店铺、商品与成员概览',
  'workbench.subtitle.consumer': '账户概览',
  'workbench.greeting': '你好，{name}',
  'workbench.recent': '最近动态',
  'workbench.noRecent': '暂无动态',
  'workbench.overview': '数据概览',
  'workbench.quickLinks': '快捷入口',
  'workbench.noCards': '暂无数据',

  'card.users': '用户数',
  'card.organizations': '组织数',
  'card.live_bases': '直播基地',
  'card.mcns': 'MCN 机构',
  'card.merchants': '商家',
  'card.streamers': '主播',
  'card.audit_entries': '审计记录',
  'card.members': '成员',
  'card.departments': '部门',
  'card.api_tokens': 'API 令牌',
  'card.regulators': '监管机构',

  'forbidden.title': '403',
  'forbidden.subtitle': '抱歉，你的角色无权访问此页面。',
  'forbidden.back': '返回我的工作台',
  'notFound.subtitle': '页面不存在。',
  'comingSoon.subtitle': '该功能正在建设中，敬请期待。',

  'orgs.title': '组织管理',
  'orgs.overviewTitle': '组织总览',
  'orgs.baseTitle': '入驻机构',
  'orgs.kind': '类型',
  'orgs.name': '名称',
  'orgs.district': '所属区域',
  'orgs.parent': '上级组织',
  'orgs.departments': '部门',
  'orgs.create': '新建组织',
  'orgs.created': '组织已创建',
  'orgs.filterKind': '按类型筛选',
  'orgs.namePlaceholder': '例如：杭州某某直播基地',
  'orgs.districtPlaceholder': '例如：杭州市余杭区',
  'orgs.deptCode': '部门编码',
  'orgs.deptName': '部门名称',
  'orgs.deptCodeHint': '小写字母开头，可含数字与下划线',
  'orgs.addDepartment': '添加部门',
  'orgs.detail': '组织详情',
  'orgs.members': '成员',
  'orgs.addMember': '添加成员',
  'orgs.memberAdded': '成员已添加',
  'orgs.memberRemoved': '成员已移除',
  'orgs.removeConfirm': '确定移除该成员？',
  'orgs.user': '用户',
  'orgs.userIdPlaceholder': '输入用户 ID（UUID）',
  'orgs.userSearch': '搜索用户名或昵称',
  'orgs.role': '角色',
  'orgs.department': '部门',
  'orgs.noDepartments': '暂无部门',
  'orgs.count': '共 {count} 个组织',
  'orgs.id': '组织 ID',

  'users.title': '用户管理',
  'users.create': '新建用户',
  'users.created': '用户已创建',
  'users.username': '用户名',
  'users.displayName': '显示名',
  'users.phone': '手机号',
  'users.status': '状态',
  'users.status.active': '正常',
  'users.status.disabled': '已停用',
  'users.password': '初始密码',
  'users.count': '共 {count} 个用户',

  'tokens.title': 'API 令牌',
  'tokens.subtitle': '用于脚本与第三方系统调用开放 API；令牌只在创建时显示一次。',
  'tokens.create': '创建令牌',
  'tokens.name': '名称',
  'tokens.namePlaceholder': '例如：合规数据同步',
  'tokens.prefix': '前缀',
  'tokens.scopes': '权限范围',
  'tokens.expiresInDays': '有效期（天）',
  'tokens.expiresHint': '留空表示永不过期',
  'tokens.lastUsedAt': '最近使用',
  'tokens.expiresAt': '过期时间',
  'tokens.status': '状态',
  'tokens.status.active': '有效',
  'tokens.status.revoked': '已吊销',
  'tokens.status.expired': '已过期',
  'tokens.revoke': '吊销',
  'tokens.revokeConfirm': '吊销后使用该令牌的调用将立即失败，确定吊销？',
  'tokens.revoked': '令牌已吊销',
  'tokens.createdTitle': '令牌已创建',
  'tokens.createdWarning': '请立即复制并妥善保存，关闭后将无法再次查看。',
  'tokens.never': '从未',
  'tokens.noExpiry': '永不过期',
  'tokens.scope.read': '只读',
  'tokens.scope.write': '读写',
  'tokens.scope.compliance:ingest': '合规数据写入',
  'tokens.scope.audit:read': '审计读取',

  'audit.title': '审计日志',
  'audit.subtitle': '所有写操作均记录于哈希链，任何篡改都可被校验发现。',
  'audit.seq': '序号',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '动作',
  'audit.target': '对象',
  'audit.hash': '哈希前缀',
  'audit.filterAction': '按动作筛选，如 auth.login',
  'audit.verify': '校验哈希链',
  'audit.verifyOk': '哈希链完整：已校验 {checked} 条记录，未发现篡改。',
  'audit.verifyBroken': '哈希链校验失败：第 {seq} 条记录异常（已校验 {checked} 条）。{reason}',
  'audit.system': '系统',

  'shop.heroTitle': '边看边买，放心购',
  'shop.heroSub': '每一场直播都经过平台审核与监管备案，品质与售后有保障。',
  'shop.liveSquare': '直播广场',
  'shop.recommend': '为你推荐',
  'shop.categories': '热门分类',
  'shop.cat.food': '生鲜食品',
  'shop.cat.beauty': '美妆个护',
  'shop.cat.apparel': '服饰鞋包',
  'shop.cat.home': '家居百货',
  'shop.cat.digital': '数码家电',
  'shop.cat.local': '地方特产',
  'shop.liveSoon': '直播即将开始',
  'shop.productSoon': '商品即将上架',
  'shop.comingSoonNote': '商城与直播功能即将上线，敬请期待。',
  'shop.myAccount': '我的账户',
} as const;

export type MessageKey = keyof typeof zhCN;
type Dictionary = Record<MessageKey, string>;

const enUS: Dictionary = {
  'app.brand': 'LiveHub',
  'app.brandSub': 'Live Commerce Governance',
  'app.title': 'LiveHub Live Commerce Governance Platform',
  'app.slogan': 'Every live stream trustworthy, governable and traceable',
  'app.loading': 'Loading…',
  'app.footer': 'LiveHub · open-source live commerce governance',

  'common.all': 'All',
  'common.create': 'Create',
  'common.cancel': 'Cancel',
  'common.confirm': 'OK',
  'common.save': 'Save',
  'common.delete': 'Delete',
  'common.remove': 'Remove',
  'common.refresh': 'Refresh',
  'common.actions': 'Actions',
  'common.createdAt': 'Created',
  'common.back': 'Back',
  'common.none': '—',
  'common.comingSoon': 'Coming soon',
  'common.loadMore': 'Load more',
  'common.noMore': 'No more entries',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.required': 'Required',
  'common.retry': 'Retry',
  'common.error': 'Something went wrong',
  'common.networkError': 'Network error, please try again later',
  'common.success': 'Done',

  'lang.label': 'Language',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',

  'login.title': 'Sign in',
  'login.subtitle': 'Sign in to the console with your platform account',
  'login.username': 'Username',
  'login.usernamePlaceholder': 'Enter your username',
  'login.password': 'Password',
  'login.passwordPlaceholder': 'Enter your password',
  'login.submit': 'Sign in',
  'login.noAccount': 'No account yet?',
  'login.register': 'Sign up as a consumer',
  'login.demoTitle': 'Demo accounts',
  'login.demoHint': 'Click to fill in; the password is {password} for all',
  'login.failed': 'Sign-in failed',
  'login.feature1': 'Role workbenches: platform, regulator, base, MCN, streamer, merchant',
  'login.feature2': 'End-to-end audit: every write enters a hash chain',
  'login.feature3': 'Open API: token authorization with OpenAPI docs',

  'register.title': 'Consumer sign-up',
  'register.subtitle': 'Sign up to visit the shop and the live square',
  'register.displayName': 'Display name',
  'register.displayNamePlaceholder': 'The name others see',
  'register.phone': 'Mobile (optional)',
  'register.phonePlaceholder': '11-digit mainland mobile number',
  'register.passwordHint': 'At least 8 characters',
  'register.submit': 'Sign up and sign in',
  'register.haveAccount': 'Already have an account?',
  'register.toLogin': 'Back to sign in',
  'register.passwordTooShort': 'At least 8 characters',
  'register.phoneInvalid': 'Enter an 11-digit mainland mobile number',

  'role.platform_admin': 'Platform admin',
  'role.reviewer': 'Reviewer',
  'role.regulator': 'Regulator',
  'role.base_operator': 'Base operator',
  'role.mcn_manager': 'MCN manager',
  'role.streamer': 'Streamer',
  'role.merchant_staff': 'Merchant staff',
  'role.consumer': 'Consumer',

  'orgKind.platform': 'Platform',
  'orgKind.regulator': 'Regulator',
  'orgKind.live_base': 'Live base',
  'orgKind.mcn': 'MCN',
  'orgKind.merchant': 'Merchant',

  'nav.workbench': 'Workbench',
  'nav.orgs': 'Organizations',
  'nav.users': 'Users',
  'nav.review': 'Review queue',
  'nav.audit': 'Audit log',
  'nav.regulatorWorkbench': 'Regulator workbench',
  'nav.orgOverview': 'Organizations',
  'nav.cases': 'Leads / cases',
  'nav.baseWorkbench': 'Base workbench',
  'nav.baseOrgs': 'Resident orgs',
  'nav.mcnWorkbench': 'MCN workbench',
  'nav.mcnMembers': 'Members / streamers',
  'nav.streamerWorkbench': 'Streamer workbench',
  'nav.selection': 'Product selection',
  'nav.live': 'Live',
  'nav.merchantWorkbench': 'Merchant workbench',
  'nav.products': 'Products',
  'nav.members': 'Members',
  'nav.shop': 'Shop',
  'nav.liveSquare': 'Live square',
  'nav.tokens': 'API tokens',

  'header.orgSwitcher': 'Switch organization',
  'header.switched': 'Switched to {org}',
  'header.apiTokens': 'API tokens',
  'header.apiDocs': 'API docs',
  'header.logout': 'Sign out',
  'header.noOrg': 'Personal account',

  'workbench.title.platform_admin': 'Platform workbench',
  'workbench.title.reviewer': 'Review workbench',
  'workbench.title.regulator': 'Regulator workbench',
  'workbench.title.base_operator': 'Base workbench',
  'workbench.title.mcn_manager': 'MCN workbench',
  'workbench.title.streamer': 'Streamer workbench',
  'workbench.title.merchant_staff': 'Merchant workbench',
  'workbench.title.consumer': 'My account',
  'workbench.subtitle.platform_admin': 'Platform-wide operations and governance',
  'workbench.subtitle.reviewer': 'Content and product review',
  'workbench.subtitle.regulator': 'Live commerce supervision in your jurisdiction',
  'workbench.subtitle.base_operator': 'Your live base and its resident organizations',
  'workbench.subtitle.mcn_manager': 'Your members and streamers',
  'workbench.subtitle.streamer': 'Your live streams and product selection',
  'workbench.subtitle.merchant_staff': 'Your shop, products and members',
  'workbench.subtitle.consumer': 'Account overview',
  'workbench.greeting': 'Hello, {name}',
  'workbench.recent': 'Recent activity',
  'workbench.noRecent': 'No recent activity',
  'workbench.overview': 'Overview',
  'workbench.quickLinks': 'Shortcuts',
  'workbench.noCards': 'No data yet',

  'card.users': 'Users',
  'card.organizations': 'Organizations',
  'card.live_bases': 'Live bases',
  'card.mcns': 'MCNs',
  'card.merchants': 'Merchants',
  'card.streamers': 'Streamers',
  'card.audit_entries': 'Audit entries',
  'card.members': 'Members',
  'card.departments': 'Departments',
  'card.api_tokens': 'API tokens',
  'card.regulators': 'Regulators',

  'forbidden.title': '403',
  'forbidden.subtitle': 'Sorry, your role may not open this page.',
  'forbidden.back': 'Back to my workbench',
  'notFound.subtitle': 'This page does not exist.',
  'comingSoon.subtitle': 'This feature is under construction. Stay tuned.',

  'orgs.title': 'Organizations',
  'orgs.overviewTitle': 'Organization overview',
  'orgs.baseTitle': 'Resident organizations',
  'orgs.kind': 'Kind',
  'orgs.name': 'Name',
  'orgs.district': 'District',
  'orgs.parent': 'Parent',
  'orgs.departments': 'Departments',
  'orgs.create': 'New organization',
  'orgs.created': 'Organization created',
  'orgs.filterKind': 'Filter by kind',
  'orgs.namePlaceholder': 'e.g. Hangzhou Live Base',
  'orgs.districtPlaceholder': 'e.g. Yuhang, Hangzhou',
  'orgs.deptCode': 'Code',
  'orgs.deptName': 'Name',
  'orgs.deptCodeHint': 'Lowercase letter first; letters, digits, underscores',
  'orgs.addDepartment': 'Add department',
  'orgs.detail': 'Organization detail',
  'orgs.members': 'Members',
  'orgs.addMember': 'Add member',
  'orgs.memberAdded': 'Member added',
  'orgs.memberRemoved': 'Member removed',
  'orgs.removeConfirm': 'Remove this member?',
  'orgs.user': 'User',
  'orgs.userIdPlaceholder': 'User ID (UUID)',
  'orgs.userSearch': 'Search username or display name',
  'orgs.role': 'Role',
  'orgs.department': 'Department',
  'orgs.noDepartments': 'No departments',
  'orgs.count': '{count} organizations',
  'orgs.id': 'Organization ID',

  'users.title': 'Users',
  'users.create': 'New user',
  'users.created': 'User created',
  'users.username': 'Username',
  'users.displayName': 'Display name',
  'users.phone': 'Mobile',
  'users.status': 'Status',
  'users.status.active': 'Active',
  'users.status.disabled': 'Disabled',
  'users.password': 'Initial password',
  'users.count': '{count} users',

  'tokens.title': 'API tokens',
  'tokens.subtitle': 'For scripts and third-party systems calling the open API; a token is shown only once.',
  'tokens.create': 'New token',
  'tokens.name': 'Name',
  'tokens.namePlaceholder': 'e.g. compliance sync',
  'tokens.prefix': 'Prefix',
  'tokens.scopes': 'Scopes',
  'tokens.expiresInDays': 'Expires in (days)',
  'tokens.expiresHint': 'Leave empty for no expiry',
  'tokens.lastUsedAt': 'Last used',
  'tokens.expiresAt': 'Expires',
  'tokens.status': 'Status',
  'tokens.status.active': 'Active',
  'tokens.status.revoked': 'Revoked',
  'tokens.status.expired': 'Expired',
  'tokens.revoke': 'Revoke',
  'tokens.revokeConfirm': 'Calls using this token will fail immediately. Revoke it?',
  'tokens.revoked': 'Token revoked',
  'tokens.createdTitle': 'Token created',
  'tokens.createdWarning': 'Copy it now and keep it safe: it will not be shown again.',
  'tokens.never': 'Never',
  'tokens.noExpiry': 'Never expires',
  'tokens.scope.read': 'Read',
  'tokens.scope.write': 'Write',
  'tokens.scope.compliance:ingest': 'Compliance ingest',
  'tokens.scope.audit:read': 'Audit read',

  'audit.title': 'Audit log',
  'audit.subtitle': 'Every write is recorded in a hash chain; any tampering is detected by verification.',
  'audit.seq': 'Seq',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.target': 'Target',
  'audit.hash': 'Hash prefix',
  'audit.filterAction': 'Filter by action, e.g. auth.login',
  'audit.verify': 'Verify hash chain',
  'audit.verifyOk': 'Hash chain intact: {checked} entries checked, no tampering found.',
  'audit.verifyBroken': 'Hash chain broken at entry #{seq} ({checked} checked). {reason}',
  'audit.system': 'System',

  'shop.heroTitle': 'Watch, shop, relax',
  'shop.heroSub': 'Every live stream is reviewed by the platform and filed with regulators.',
  'shop.liveSquare': 'Live square',
  'shop.recommend': 'Recommended',
  'shop.categories': 'Categories',
  'shop.cat.food': 'Fresh food',
  'shop.cat.beauty': 'Beauty',
  'shop.cat.apparel': 'Apparel',
  'shop.cat.home': 'Home',
  'shop.cat.digital': 'Electronics',
  'shop.cat.local': 'Local specialties',
  'shop.liveSoon': 'Going live soon',
  'shop.productSoon': 'Arriving soon',
  'shop.comingSoonNote': 'The shop and live streams are coming soon. Stay tuned.',
  'shop.myAccount': 'My account',
};

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'en-US': enUS };

export const LOCALE_STORAGE_KEY = 'livehub.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when `key` is a message key (used for dynamic keys such as workbench card keys). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en-US') return stored;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return DEFAULT_LOCALE;
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nContextValue | null>(null);

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function orgKindLabel(t: Translate, kind: OrgKind): string {
  return t(`orgKind.${kind}`);
}

/** Label for a workbench card key; unknown keys are shown as-is. */
export function cardLabel(t: Translate, key: string): string {
  const messageKey = `card.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}
