/**
 * Coded application errors. Services throw AppError with a stable code; the HTTP/WS mapper turns the code into a
 * status and a bilingual message. This module owns the catalogue of codes and must never know about transports.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'locked' // 423
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

interface ErrorDef {
  kind: ErrorKind;
  zh: string;
  en: string;
}

/** Messages may contain {placeholders} filled from the error's details. */
export const ERROR_CATALOGUE = {
  'request.invalid': { kind: 'invalid', zh: '请求参数无效：{issue}', en: 'Invalid request: {issue}' },
  'request.malformed_json': { kind: 'invalid', zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { kind: 'invalid', zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupported_media_type': { kind: 'invalid', zh: '不支持的内容类型', en: 'Unsupported content type' },
  'request.bad_url': { kind: 'invalid', zh: '请求地址含有无效的编码', en: 'The request URL has an invalid encoding' },
  'request.uri_too_long': { kind: 'invalid', zh: '请求地址过长', en: 'The request URL is too long' },
  'request.headers_too_large': { kind: 'invalid', zh: '请求头过大', en: 'The request headers are too large' },
  'request.bad_request': { kind: 'invalid', zh: '请求格式错误，无法解析', en: 'The request could not be parsed' },
  'request.nul_byte': {
    kind: 'invalid',
    zh: '输入中含有不允许的空字符（NUL）',
    en: 'The input contains a NUL character, which is not allowed',
  },
  'route.not_found': { kind: 'not_found', zh: '接口不存在', en: 'No such endpoint' },
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
  'audit.chain_broken': { kind: 'conflict', zh: '审计哈希链校验失败', en: 'The audit hash chain does not verify' },
  'compliance.event_conflict': {
    kind: 'conflict',
    zh: '该事件编号已用于不同的内容',
    en: 'That event id was already used for different content',
  },
  'compliance.rule_not_found': { kind: 'not_found', zh: '规则不存在', en: 'No such rule' },
  'compliance.exemption_not_in_rule': {
    kind: 'invalid',
    zh: '豁免词必须包含规则 {rule} 的某个词条，否则不会生效',
    en: 'An exemption must contain a term of rule {rule}, or it has no effect',
  },
  'review.not_found': { kind: 'not_found', zh: '审核任务不存在', en: 'No such review item' },
  'review.claimed_by_other': { kind: 'conflict', zh: '该审核任务已被其他审核员领取', en: 'Another reviewer has claimed this item' },
  'review.already_decided': { kind: 'conflict', zh: '该审核任务已处理', en: 'This item has already been decided' },
  'review.batch_empty': { kind: 'invalid', zh: '没有可批量处理的待审任务', en: 'No undecided review items to decide' },
  'review.batch_too_large': {
    kind: 'invalid',
    zh: '一次最多批量处理 {max} 项，请缩小筛选范围',
    en: 'At most {max} items can be decided at once: narrow the filter',
  },
  'review.batch_conflict': {
    kind: 'conflict',
    zh: '其中 {count} 项已被其他审核员处理或领取，本次批量操作未执行，请刷新后重试',
    en: '{count} of the items were decided or claimed by another reviewer meanwhile: nothing was changed, refresh and retry',
  },
  'workflow.unknown_kind': { kind: 'invalid', zh: '未知的申请类型', en: 'Unknown application kind' },
  'workflow.not_found': { kind: 'not_found', zh: '申请不存在', en: 'No such application' },
  'workflow.action_not_allowed': {
    kind: 'forbidden',
    zh: '当前环节（{step}）不允许您执行“{action}”',
    en: 'You may not “{action}” at the current step ({step})',
  },
  'workflow.reason_required': { kind: 'invalid', zh: '此操作需要填写理由', en: 'This action needs a reason' },
  'workflow.stale': {
    kind: 'conflict',
    zh: '申请已被他人处理，请刷新后重试',
    en: 'The application changed meanwhile; reload and try again',
  },
  'workflow.documents_missing': { kind: 'invalid', zh: '缺少必需材料：{types}', en: 'Required documents missing: {types}' },
  'workflow.not_in_notice': { kind: 'conflict', zh: '该申请不在公示期内', en: 'The application is not on public notice' },
  'document.not_found': { kind: 'not_found', zh: '文件不存在', en: 'No such document' },
  'document.empty': { kind: 'invalid', zh: '文件为空', en: 'The file is empty' },
  'document.too_large': { kind: 'invalid', zh: '文件超过 {maxMb} MB 限制', en: 'The file exceeds the {maxMb} MB limit' },
  'document.unsupported_type': {
    kind: 'invalid',
    zh: '仅支持 PDF、JPEG、PNG 文件（按文件内容识别）',
    en: 'Only PDF, JPEG and PNG files are accepted (identified by content)',
  },
  'document.type_mismatch': { kind: 'invalid', zh: '文件内容与声明的类型不符', en: 'The file content does not match its declared type' },
  'document.type_invalid': { kind: 'invalid', zh: '材料类型无效', en: 'Invalid document type' },
  'document.malformed': {
    kind: 'invalid',
    zh: '文件内容残缺，或在文件末尾附加了其他数据，请上传原始文件',
    en: 'The file is truncated or has other data appended; upload the original file',
  },
  'document.expired': {
    kind: 'invalid',
    zh: '有效期已过（{date}），请上传在有效期内的材料',
    en: 'The document expired on {date}; upload one that is still valid',
  },
  'document.expiry_invalid': {
    kind: 'invalid',
    zh: '有效期不合理（{date}）：长期有效的证照请不填有效期',
    en: 'Implausible expiry date ({date}): leave it empty for documents valid indefinitely',
  },
  'registry.credit_code_invalid': {
    kind: 'invalid',
    zh: '统一社会信用代码无效：{reason}',
    en: 'Invalid unified social credit code: {reason}',
  },
  'registry.id_number_invalid': { kind: 'invalid', zh: '身份证号码无效：{reason}', en: 'Invalid ID number: {reason}' },
  'registry.under_16': {
    kind: 'invalid',
    zh: '未满十六周岁不得注册为直播营销人员',
    en: 'Under-16s may not register as live-marketing streamers',
  },
  'registry.guardian_consent_required': {
    kind: 'invalid',
    zh: '十六至十八周岁需提交监护人同意书',
    en: 'Streamers aged 16–17 need a guardian-consent document',
  },
  'registry.professional_licence_required': {
    kind: 'invalid',
    zh: '涉及{topic}类内容需提交执业资质',
    en: 'Content on {topic} needs a professional licence',
  },
  'registry.virtual_operator_required': {
    kind: 'invalid',
    zh: '数字人主播须登记运营责任人、肖像授权和标识',
    en: 'A digital-human streamer needs a responsible operator, likeness consent and a label',
  },
  'registry.qualification_required': {
    kind: 'invalid',
    zh: '经营{category}类目需提交相应资质（{document}）',
    en: 'The {category} category needs the qualification document {document}',
  },
  'registry.duplicate': { kind: 'conflict', zh: '{what}已登记（{existing}）', en: '{what} is already registered ({existing})' },
  'registry.not_found': { kind: 'not_found', zh: '登记记录不存在', en: 'No such registration' },
  'catalog.category_not_found': { kind: 'invalid', zh: '商品类目不存在', en: 'No such product category' },
  'catalog.brand_not_found': { kind: 'not_found', zh: '品牌不存在', en: 'No such brand' },
  'catalog.brand_duplicate': { kind: 'conflict', zh: '品牌「{name}」已存在', en: 'The brand “{name}” already exists' },
  'catalog.brand_unauthorized': {
    kind: 'invalid',
    zh: '「{brand}」列入重点商标保护名录，须先提交权利人的有效品牌授权',
    en: '“{brand}” is on the key-trademark protection list: file a valid authorization from the rights holder first',
  },
  'catalog.brand_protection_forbidden': {
    kind: 'forbidden',
    zh: '只有平台管理员或知识产权部门可以维护重点商标保护名录',
    en: 'Only the platform or the intellectual-property office keeps the key-trademark protection list',
  },
  'catalog.image_invalid': { kind: 'invalid', zh: '商品图片须为 JPEG 或 PNG', en: 'Product images must be JPEG or PNG' },
  'catalog.product_not_found': { kind: 'not_found', zh: '商品不存在', en: 'No such product' },
  'matching.streamer_not_found': { kind: 'not_found', zh: '主播不存在或无权查看', en: 'No such streamer, or not yours to see' },
  'catalog.sku_not_found': { kind: 'not_found', zh: 'SKU 不存在', en: 'No such SKU' },
  'catalog.not_editable': { kind: 'conflict', zh: '商品审核中，暂不能修改', en: 'The product is in review and cannot be edited' },
  'catalog.not_listed': { kind: 'conflict', zh: '商品当前不在售（{status}）', en: 'The product is not on sale ({status})' },
  'catalog.already_submitted': {
    kind: 'conflict',
    zh: '商品已提交审核或已通过（{status}）',
    en: 'The product is already in review or approved ({status})',
  },
  'catalog.listing_not_allowed': {
    kind: 'forbidden',
    zh: '商家当前不能发布商品：{reasons}',
    en: 'This merchant may not list products now: {reasons}',
  },
  'catalog.stale': { kind: 'conflict', zh: '商品已被他人修改，请刷新后重试', en: 'The product was changed meanwhile: reload and retry' },
  'selection.product_not_approved': {
    kind: 'conflict',
    zh: '商品未通过审核（{status}），不能进入选品池或协议',
    en: 'The product is not approved ({status}) and cannot enter the pool or an agreement',
  },
  'selection.plan_conflict': {
    kind: 'conflict',
    zh: '与已有的{existing}计划 {planId}（{from} 至 {until}）冲突：独家计划不能与公开或定向计划在同一期间并存',
    en: 'Conflicts with the existing {existing} plan {planId} ({from} to {until}): an exclusive plan cannot coexist with open or targeted plans in the same period',
  },
  'selection.plan_not_found': { kind: 'not_found', zh: '佣金计划不存在', en: 'No such commission plan' },
  'selection.partner_invalid': {
    kind: 'invalid',
    zh: '合作对象不是有效的{kind}（主播须已认证）',
    en: 'The partner is not a valid {kind} (streamers must be certified)',
  },
  'selection.streamer_not_certified': { kind: 'forbidden', zh: '主播未认证或已暂停', en: 'The streamer is not certified or is suspended' },
  'selection.no_samples': { kind: 'conflict', zh: '该商品暂不提供样品', en: 'This product has no samples available' },
  'selection.sample_open': {
    kind: 'conflict',
    zh: '该商品已有进行中的寄样申请（{status}）',
    en: 'There is already an open sample request for this product ({status})',
  },
  'selection.sample_not_found': { kind: 'not_found', zh: '寄样申请不存在', en: 'No such sample request' },
  'selection.sample_party': { kind: 'forbidden', zh: '此操作应由{party}执行', en: 'This step is for the {party}' },
  'selection.sample_action_not_allowed': {
    kind: 'conflict',
    zh: '寄样当前状态（{status}）不能执行「{action}」',
    en: 'The sample request is {status}: “{action}” is not possible',
  },
  'selection.stale': { kind: 'conflict', zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed meanwhile: reload and retry' },
  'agreement.not_found': { kind: 'not_found', zh: '协议不存在', en: 'No such agreement' },
  'agreement.merchant_invalid': { kind: 'invalid', zh: '商家不存在或未入驻', en: 'The merchant does not exist or is not admitted' },
  'agreement.mcn_missing': { kind: 'invalid', zh: '主播未签约 MCN 机构', en: 'The streamer has no MCN agency' },
  'agreement.closed': { kind: 'conflict', zh: '协议已结束（{status}）', en: 'The agreement is closed ({status})' },
  'agreement.version_stale': {
    kind: 'conflict',
    zh: '协议已有新版本（第 {current} 版），请阅读后再确认',
    en: 'There is a newer version ({current}): read it before accepting',
  },
  'agreement.hash_mismatch': {
    kind: 'conflict',
    zh: '协议内容摘要不符：您确认的不是当前版本的文本',
    en: 'Content hash mismatch: what you accepted is not the text of this version',
  },
  'agreement.already_accepted': { kind: 'conflict', zh: '您已确认第 {version} 版', en: 'You have already accepted version {version}' },
  'agreement.stale': {
    kind: 'conflict',
    zh: '协议已被他人修改，请刷新后重试',
    en: 'The agreement was changed meanwhile: reload and retry',
  },
  'live.not_found': { kind: 'not_found', zh: '直播场次不存在', en: 'No such live session' },
  'live.not_active': { kind: 'conflict', zh: '直播场次已结束或已取消（{status}）', en: 'The live session is over or cancelled ({status})' },
  'live.checks_failed': {
    kind: 'conflict',
    zh: '开播前检查未通过：{failed}',
    en: 'The pre-live checks did not pass: {failed}',
  },
  'live.publish_refused': {
    kind: 'forbidden',
    zh: '推流密钥错误或直播场次不可推流',
    en: 'Wrong stream key, or the session does not accept a stream',
  },
  'live.stale': { kind: 'conflict', zh: '直播场次已被修改，请刷新后重试', en: 'The session was changed meanwhile: reload and retry' },
  'orders.not_found': { kind: 'not_found', zh: '订单不存在', en: 'No such order' },
  'orders.sku_not_found': { kind: 'invalid', zh: '商品规格不存在或商品未上架', en: 'No such SKU, or its product is not on sale' },
  'orders.not_on_session': {
    kind: 'invalid',
    zh: '该商品不在本场直播的商品列表中',
    en: 'That product is not on sale in this live session',
  },
  'orders.session_not_live': {
    kind: 'conflict',
    zh: '直播未在进行中，不能从直播间下单',
    en: 'The live session is not live: cannot order from its room',
  },
  'orders.one_merchant': { kind: 'invalid', zh: '一个订单只能包含同一商家的商品', en: 'One order holds products of one merchant only' },
  'orders.insufficient_stock': { kind: 'conflict', zh: '库存不足（剩余 {left} 件）', en: 'Not enough stock ({left} left)' },
  'orders.stock_changed': {
    kind: 'conflict',
    zh: '库存已变化，不能减到 0 以下，请刷新后重试',
    en: 'Stock changed meanwhile and cannot go below zero: reload and retry',
  },
  'orders.flash_not_found': { kind: 'not_found', zh: '秒杀活动不存在', en: 'No such flash sale' },
  'orders.flash_not_started': {
    kind: 'conflict',
    zh: '秒杀尚未开始（{startsAt} 开始）',
    en: 'The flash sale has not started (starts {startsAt})',
  },
  'orders.flash_ended': { kind: 'conflict', zh: '秒杀已结束', en: 'The flash sale is over' },
  'orders.sold_out': { kind: 'conflict', zh: '已抢光', en: 'Sold out' },
  'orders.limit_exceeded': { kind: 'conflict', zh: '超过每人限购数量（{limit} 件）', en: 'Above the per-person limit ({limit})' },
  'orders.flash_sku_mismatch': { kind: 'invalid', zh: '该规格不在此秒杀活动中', en: 'That SKU is not in this flash sale' },
  'orders.flash_invalid': { kind: 'invalid', zh: '秒杀设置无效：{issue}', en: 'Invalid flash sale: {issue}' },
  'orders.illegal_transition': {
    kind: 'conflict',
    zh: '订单当前状态（{status}）不能执行此操作（{action}）',
    en: 'The order is {status}: cannot {action}',
  },
  'orders.stale': { kind: 'conflict', zh: '订单已被修改，请刷新后重试', en: 'The order was changed meanwhile: reload and retry' },
  'orders.bad_device_id': {
    kind: 'invalid',
    zh: '设备标识格式不正确（应为 8–128 位字母、数字、- 或 _）',
    en: 'The device id must be 8–128 letters, digits, - or _',
  },
  'orders.idempotency_conflict': {
    kind: 'conflict',
    zh: '同一个 Idempotency-Key 已用于不同的请求内容',
    en: 'This Idempotency-Key was used with a different request body',
  },
  'orders.address_not_found': { kind: 'invalid', zh: '收货地址不存在', en: 'No such saved address' },
  'logistics.unknown_carrier': { kind: 'invalid', zh: '不支持的快递公司', en: 'Unknown carrier' },
  'logistics.bad_tracking_no': { kind: 'invalid', zh: '运单号格式与快递公司不符', en: 'The tracking number does not fit the carrier' },
  'logistics.bad_signature': { kind: 'unauthenticated', zh: '物流推送签名无效', en: 'The tracking push signature is invalid' },
  'logistics.unknown_package': { kind: 'not_found', zh: '未找到该运单号的包裹', en: 'No package with this tracking number' },
  'logistics.not_found': { kind: 'not_found', zh: '该订单暂无物流信息', en: 'No tracking for this order' },
  'inventory.warehouse_not_found': { kind: 'not_found', zh: '仓库不存在', en: 'No such warehouse' },
  'inventory.sku_not_found': { kind: 'not_found', zh: '商品规格不存在', en: 'No such SKU' },
  'inventory.warehouse_closed': { kind: 'conflict', zh: '仓库已停用', en: 'The warehouse is closed' },
  'inventory.name_taken': { kind: 'conflict', zh: '已有同名仓库', en: 'There is already a warehouse of that name' },
  'inventory.below_reserved': {
    kind: 'conflict',
    zh: '可售库存不足：调减后将低于已占用的数量',
    en: 'Below reserved: the change would leave less than the units already promised',
  },
  'inventory.insufficient': { kind: 'conflict', zh: '该仓库在库数量不足', en: 'Not enough on hand in this warehouse' },
  'inventory.no_warehouse': {
    kind: 'conflict',
    zh: '没有一个仓库备齐本单全部商品，请指定发货仓',
    en: 'No single warehouse holds every line of this order: choose one',
  },
  'inventory.same_warehouse': { kind: 'invalid', zh: '调出与调入仓库不能相同', en: 'Transfer between two different warehouses' },
  'payments.bad_signature': { kind: 'unauthenticated', zh: '支付通知签名无效', en: 'The payment notification signature is invalid' },
  'payments.stale': {
    kind: 'invalid',
    zh: '支付通知已过期（时间戳超出允许范围）',
    en: 'The payment notification is stale (timestamp out of window)',
  },
  'payments.malformed': { kind: 'invalid', zh: '支付通知格式错误', en: 'Malformed payment notification' },
  'payments.replayed': { kind: 'conflict', zh: '重复的支付通知（已处理）', en: 'Replayed payment notification (already processed)' },
  'payments.amount_mismatch': { kind: 'invalid', zh: '支付金额与订单不一致', en: 'The paid amount does not match the order' },
  'payments.not_found': { kind: 'not_found', zh: '支付单不存在', en: 'No such payment' },
  'payments.unknown_provider': { kind: 'not_found', zh: '未知的支付渠道', en: 'Unknown payment provider' },
  'returns.not_found': { kind: 'not_found', zh: '售后申请不存在', en: 'No such return request' },
  'returns.window_closed': {
    kind: 'conflict',
    zh: '已超过七天无理由退货期限（截至 {returnBy}）',
    en: 'The 7-day no-reason return window closed on {returnBy}',
  },
  'returns.exempt': {
    kind: 'conflict',
    zh: '该商品属于不适用七天无理由退货的类别（{title}），可按质量问题申请售后',
    en: 'This product is exempt from no-reason returns ({title}); ask for a quality return instead',
  },
  'returns.invalid_line': { kind: 'invalid', zh: '退货商品或数量无效', en: 'Invalid return line or quantity' },
  'returns.open': { kind: 'conflict', zh: '该订单已有进行中的售后申请', en: 'This order already has an open return request' },
  'returns.cross_border_deadline': {
    kind: 'conflict',
    zh: '已超过跨境退货期限：退货商品须在海关放行之日起30日内运抵原监管作业场所（截至 {arriveBy}）',
    en: 'Past the cross-border return deadline: the goods had to reach the original customs supervision site by {arriveBy} (30 days after release)',
  },
  'returns.illegal': {
    kind: 'conflict',
    zh: '售后申请当前状态（{status}）不能执行此操作（{action}）',
    en: 'The return is {status}: cannot {action}',
  },
  'ledger.business_key_invalid': {
    kind: 'invalid',
    zh: '分录须有 1 至 200 个字符的业务键和类型',
    en: 'An entry needs a business key and a kind of 1 to 200 characters',
  },
  'ledger.too_few_postings': { kind: 'invalid', zh: '一笔分录至少要有两条记账行', en: 'An entry needs at least two postings' },
  'ledger.amount_invalid': {
    kind: 'invalid',
    zh: '记账金额须为非零整数分，且绝对值不超过 {max} 分',
    en: 'A posting amount must be a non-zero whole number of fen, at most {max} in size',
  },
  'ledger.unbalanced': {
    kind: 'invalid',
    zh: '分录借贷不平：各记账行合计 {sum} 分，应为 0',
    en: 'The entry does not balance: its postings sum to {sum} fen instead of 0',
  },
  'ledger.account_not_found': { kind: 'not_found', zh: '结算账户不存在', en: 'No such ledger account' },
  'ledger.account_closed': {
    kind: 'conflict',
    zh: '结算账户已关闭，不能再记账',
    en: 'The ledger account is closed: nothing can be posted to it',
  },
  'ledger.account_not_empty': {
    kind: 'conflict',
    zh: '账户余额为 {balance} 分，须为 0 才能关闭',
    en: 'The account holds {balance} fen: only an empty account can be closed',
  },
  'ledger.insufficient_balance': {
    kind: 'conflict',
    zh: '账户余额不足：余额 {balance} 分，本次变动 {delta} 分，不能低于 {floor} 分',
    en: 'Insufficient balance: {balance} fen, a change of {delta} fen would take it below {floor}',
  },
  'ledger.key_reused': {
    kind: 'conflict',
    zh: '业务键 {businessKey} 已记过不同的分录',
    en: 'The business key {businessKey} was already posted with different postings',
  },
  'ledger.entry_not_found': { kind: 'not_found', zh: '分录不存在', en: 'No such journal entry' },
  'ledger.split_invalid': {
    kind: 'invalid',
    zh: '分账比例须为非负整数基点，合计 10000（当前 {total}）',
    en: 'Split shares must be non-negative whole basis points adding up to 10000 (they add up to {total})',
  },
  'settlement.split_invalid': {
    kind: 'invalid',
    zh: '订单结算金额小于商品行合计，无法分账',
    en: 'The settled amount is less than the lines add up to: the order cannot be split',
  },
  'settlement.refund_amount_invalid': {
    kind: 'invalid',
    zh: '退款金额须为正整数（分）',
    en: 'The refund amount must be a positive whole number of fen',
  },
  'settlement.refund_exceeds_refundable': {
    kind: 'invalid',
    zh: '退款金额超过可退金额（最多 {refundableFen} 分）',
    en: 'The refund is more than can be refunded (at most {refundableFen} fen)',
  },
  'settlement.order_not_completed': {
    kind: 'conflict',
    zh: '只有已完成的订单可以售后退款',
    en: 'Only a completed order can get an after-sales refund',
  },
  'settlement.fee_rate_invalid': {
    kind: 'invalid',
    zh: '平台服务费率须为 0–10000 的整数基点',
    en: 'The platform fee rate must be whole basis points from 0 to 10000',
  },
  'finance.no_party': {
    kind: 'forbidden',
    zh: '当前账号未关联结算主体（机构或主播），无法查看资金',
    en: 'Your account is not tied to a settlement party (an organization or a streamer)',
  },
  'finance.kind_not_yours': {
    kind: 'invalid',
    zh: '该账户类型不属于当前结算主体（{kind}）',
    en: 'Your party holds no account of this kind ({kind})',
  },
  'statements.period_invalid': {
    kind: 'invalid',
    zh: '对账期间无效：须为 YYYY-MM-DD（某日）或 YYYY-MM（某月）',
    en: 'Invalid period: use YYYY-MM-DD (a day) or YYYY-MM (a month)',
  },
  'statements.forbidden': { kind: 'forbidden', zh: '无权查看该主体的对账单', en: 'You may not read this party’s statement' },
  'reconciliation.forbidden': { kind: 'forbidden', zh: '无权执行对账操作', en: 'You may not perform reconciliation' },
  'reconciliation.run_not_found': { kind: 'not_found', zh: '该日尚未对账', en: 'That day has not been reconciled yet' },
  'reconciliation.item_not_found': { kind: 'not_found', zh: '对账差异不存在', en: 'No such reconciliation difference' },
  'reconciliation.already_resolved': { kind: 'conflict', zh: '该差异已处理', en: 'The difference is already resolved' },
  'reconciliation.note_invalid': {
    kind: 'invalid',
    zh: '处理说明须为 1–{max} 个字符',
    en: 'The resolution note must be 1–{max} characters',
  },
  'payouts.amount_invalid': {
    kind: 'invalid',
    zh: '金额须为大于 0 的整数分',
    en: 'The amount must be a whole number of fen greater than 0',
  },
  'payouts.insufficient_balance': {
    kind: 'invalid',
    zh: '可提现余额不足：可提现 {availableFen} 分，申请 {amountFen} 分',
    en: 'Not enough available balance: {availableFen} fen available, {amountFen} fen asked',
  },
  'payouts.idempotency_required': {
    kind: 'invalid',
    zh: '提现申请须带 Idempotency-Key 请求头',
    en: 'A payout request needs an Idempotency-Key header',
  },
  'payouts.idempotency_conflict': {
    kind: 'conflict',
    zh: '该 Idempotency-Key 已用于另一笔不同的提现申请',
    en: 'This Idempotency-Key was already used for a different payout request',
  },
  'payouts.on_hold': { kind: 'conflict', zh: '提现已被平台冻结：{reason}', en: 'Payouts are on hold by the platform: {reason}' },
  'payouts.hold_reason_required': { kind: 'invalid', zh: '请填写冻结原因', en: 'A reason for the hold is required' },
  'payouts.hold_not_found': { kind: 'not_found', zh: '该方没有生效中的提现冻结', en: 'This party has no active payout hold' },
  'payouts.not_found': { kind: 'not_found', zh: '提现申请不存在', en: 'No such payout' },
  'payouts.illegal_transition': {
    kind: 'conflict',
    zh: '提现当前状态（{status}）不能执行此操作（{action}）',
    en: 'The payout is {status}: cannot {action}',
  },
  'payouts.stale': { kind: 'conflict', zh: '提现已被他人处理，请刷新', en: 'The payout changed meanwhile: reload it' },
  'payouts.unknown_provider': { kind: 'not_found', zh: '未知的转账渠道', en: 'Unknown payout provider' },
  'payouts.bad_signature': { kind: 'unauthenticated', zh: '转账结果通知签名无效', en: 'The payout result signature is invalid' },
  'payouts.stale_notification': {
    kind: 'invalid',
    zh: '转账结果通知已过期',
    en: 'The payout result notification is outside the replay window',
  },
  'payouts.malformed': { kind: 'invalid', zh: '转账结果通知格式错误', en: 'Malformed payout result notification' },
  'payouts.replayed': { kind: 'conflict', zh: '重复的转账结果通知（已处理）', en: 'Replayed payout result (already processed)' },
  'payouts.amount_mismatch': { kind: 'invalid', zh: '转账金额与提现申请不一致', en: 'The transferred amount does not match the payout' },
  'deposit.insufficient': {
    kind: 'conflict',
    zh: '保证金不足：该类目需 {requiredFen} 分，当前 {balanceFen} 分，需补缴 {dueFen} 分后才能上架',
    en: 'Deposit too low: this category requires {requiredFen} fen, the deposit holds {balanceFen}; pay {dueFen} fen to list',
  },
  'deposit.nothing_due': { kind: 'invalid', zh: '当前没有需缴纳的保证金，请填写金额', en: 'No deposit is due: give an amount' },
  'deposit.deduction_exceeds_balance': {
    kind: 'invalid',
    zh: '扣除金额超过保证金余额：余额 {balanceFen} 分，扣除 {amountFen} 分',
    en: 'The deduction exceeds the deposit: {balanceFen} fen held, {amountFen} fen asked',
  },
  'credit.unknown_party': {
    kind: 'not_found',
    zh: '未找到该信用主体（商家、主播、MCN 或直播基地）',
    en: 'No such credit party (merchant, streamer, MCN or live base)',
  },
  'credit.invalid_event': { kind: 'invalid', zh: '信用事件数据无效：{issue}', en: 'Invalid credit event: {issue}' },
  'credit.event_not_found': { kind: 'not_found', zh: '信用事件不存在', en: 'No such credit event' },
  'credit.event_voided': { kind: 'conflict', zh: '该信用事件已撤销', en: 'This credit event has already been voided' },
  'credit.not_your_event': { kind: 'forbidden', zh: '只能对本方的信用事件提出申诉', en: 'You can only appeal your own credit events' },
  'disputes.not_found': { kind: 'not_found', zh: '投诉不存在', en: 'No such complaint' },
  'disputes.order_not_found': { kind: 'not_found', zh: '订单不存在或不是您的订单', en: 'No such order among yours' },
  'disputes.order_not_paid': {
    kind: 'invalid',
    zh: '订单尚未付款，不能投诉',
    en: 'The order was never paid; it cannot be complained about',
  },
  'disputes.too_late': {
    kind: 'invalid',
    zh: '超过三年的投诉不予受理（期限至 {limit}）',
    en: 'Complaints are accepted within three years (the limit was {limit})',
  },
  'disputes.claim_too_high': {
    kind: 'invalid',
    zh: '请求金额超出法律和订单允许的上限（最多 {maxYuan} 元）',
    en: 'The amount claimed is above what the law and the order allow (at most ¥{maxYuan})',
  },
  'disputes.open_complaint': { kind: 'conflict', zh: '该订单已有处理中的投诉', en: 'This order already has an open complaint' },
  'disputes.evidence_invalid': {
    kind: 'invalid',
    zh: '证据必须是您本人上传的文件',
    en: 'Evidence must be documents you uploaded yourself',
  },
  'disputes.session_mismatch': {
    kind: 'invalid',
    zh: '该直播场次不是此订单的成交场次',
    en: 'This live session is not the one the order was placed in',
  },
  'disputes.wrong_role': { kind: 'forbidden', zh: '您无权对该投诉执行此操作', en: 'Your role may not take this step on the complaint' },
  'disputes.wrong_status': {
    kind: 'conflict',
    zh: '投诉当前状态（{status}）不允许此操作',
    en: 'The complaint’s current state ({status}) does not allow this step',
  },
  'disputes.deadline_passed': {
    kind: 'conflict',
    zh: '该环节已于 {dueAt} 截止，投诉将按规定自动流转',
    en: 'This step ended at {dueAt}; the complaint moves on as the rules say',
  },
  'disputes.offer_required': { kind: 'invalid', zh: '还价时须给出方案和金额', en: 'A counter-offer needs its remedy and amount' },
  'disputes.offer_not_allowed': { kind: 'invalid', zh: '只有还价时才可附方案', en: 'Only a counter-offer carries an offer' },
  'disputes.no_offer': { kind: 'conflict', zh: '商家未提出可接受的方案', en: 'The merchant made no offer to accept' },
  'disputes.amount_required': { kind: 'invalid', zh: '请填写金额', en: 'An amount is required' },
  'disputes.amount_computed': {
    kind: 'invalid',
    zh: '欺诈赔偿金额按消费者权益保护法第五十五条计算，不可填写',
    en: 'Fraud compensation is computed under Consumer Protection Law Art. 55; it cannot be entered',
  },
  'disputes.amount_too_high': {
    kind: 'invalid',
    zh: '金额超出法律和订单允许的上限（最多 {maxYuan} 元）',
    en: 'The amount is above what the law and the order allow (at most ¥{maxYuan})',
  },
  'disputes.nothing_to_pay': { kind: 'conflict', zh: '该投诉没有待支付的赔付', en: 'This complaint has no compensation to pay' },
  'disputes.already_paid': {
    kind: 'conflict',
    zh: '该赔付已处理（{status}），无需再付',
    en: 'This compensation is already settled ({status}); nothing to pay',
  },
  'disputes.insufficient_balance': {
    kind: 'conflict',
    zh: '可提现余额 {availableYuan} 元不足以支付赔付 {amountYuan} 元',
    en: 'The available balance ¥{availableYuan} does not cover the compensation of ¥{amountYuan}',
  },
  'disputes.remedy_exceeds_refundable': {
    kind: 'conflict',
    zh: '订单可退金额仅剩 {refundableYuan} 元，无法按投诉结果退款 {amountYuan} 元',
    en: 'Only ¥{refundableYuan} of the order can still be refunded: the complaint’s refund of ¥{amountYuan} cannot be made',
  },
  'disputes.return_open': {
    kind: 'conflict',
    zh: '该订单已有进行中的售后申请，请先处理完毕再按投诉结果退货退款',
    en: 'The order has an after-sales return open: finish it before the complaint’s return',
  },
  'disputes.order_unpaid': {
    kind: 'conflict',
    zh: '订单没有成功的支付记录，无法原路退款',
    en: 'The order has no successful payment to refund to',
  },
  'disputes.stats_period_invalid': {
    kind: 'invalid',
    zh: '统计期间无效：须为有效日期，截止日不早于起始日，且不超过 366 天',
    en: 'Invalid period: real dates, the end not before the start, at most 366 days',
  },
  'disputes.stale': { kind: 'conflict', zh: '投诉已被他人更新，请刷新后重试', en: 'The complaint changed meanwhile; reload and try again' },
  'reports.target_not_found': {
    kind: 'not_found',
    zh: '被举报的对象不存在',
    en: 'There is no such live room, product, organization or user to report',
  },
  'reports.evidence_sign_in': {
    kind: 'invalid',
    zh: '登录后才能上传举报证据；匿名举报请在描述中说明情况',
    en: 'Sign in to attach evidence; an anonymous report states what happened in its description',
  },
  'reports.evidence_invalid': {
    kind: 'invalid',
    zh: '证据必须是您本人上传的文件',
    en: 'Evidence must be documents you uploaded yourself',
  },
  'reports.not_found': { kind: 'not_found', zh: '举报不存在', en: 'No such report' },
  'reports.code_invalid': {
    kind: 'not_found',
    zh: '查询码无效或不存在，请核对后重试',
    en: 'No report has this tracking code; check it and try again',
  },
  'reports.wrong_status': {
    kind: 'conflict',
    zh: '举报当前状态（{status}）不允许此操作',
    en: 'The report’s current state ({status}) does not allow this step',
  },
  'reports.reason_required': { kind: 'invalid', zh: '请填写处理理由（举报人可见）', en: 'A reason is required (the reporter reads it)' },
  'reports.stale': { kind: 'conflict', zh: '举报已被他人处理，请刷新后重试', en: 'The report changed meanwhile; reload and try again' },
  'reports.rate_limited': {
    kind: 'rate_limited',
    zh: '举报过于频繁，请 {seconds} 秒后再试',
    en: 'Too many reports; try again in {seconds} seconds',
  },
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
  'credit.appeal_open': { kind: 'conflict', zh: '该信用事件已有进行中的申诉', en: 'An appeal against this event is already open' },
  'credit.invalid_model': { kind: 'invalid', zh: '信用模型无效：{issue}', en: 'Invalid credit model: {issue}' },
  'credit.measure_applies': {
    kind: 'forbidden',
    zh: '信用等级为 {tier}，已被采取措施：{measure}',
    en: 'Credit tier {tier}: the measure "{measure}" applies',
  },
  'credit.not_a_party': {
    kind: 'forbidden',
    zh: '当前身份没有信用档案（仅商家、主播、MCN 与直播基地有）',
    en: 'This role has no credit record (merchants, streamers, MCNs and live bases do)',
  },
  'credit.invalid_mode_settings': {
    kind: 'invalid',
    zh: '执法模式设置无效：{issue}',
    en: 'Invalid enforcement mode settings: {issue}',
  },
  'credit.invalid_cohort': { kind: 'invalid', zh: '监管沙盒设置无效：{issue}', en: 'Invalid sandbox cohort: {issue}' },
  'credit.cohort_not_found': { kind: 'not_found', zh: '监管沙盒不存在', en: 'No such sandbox cohort' },
  'credit.not_a_member': { kind: 'not_found', zh: '该主体不在此监管沙盒中', en: 'This party is not a member of the cohort' },
  'credit.task_not_found': { kind: 'not_found', zh: '培训任务不存在', en: 'No such training task' },
  'credit.task_done': { kind: 'conflict', zh: '该培训任务已完成', en: 'This training task is already completed' },
  'credit.rate_limited': {
    kind: 'rate_limited',
    zh: '信用查询过于频繁，请 {seconds} 秒后再试',
    en: 'Too many credit queries, try again in {seconds} seconds',
  },
  'notification.not_found': { kind: 'not_found', zh: '消息不存在', en: 'No such notification' },
  'policies.bad_condition': {
    kind: 'invalid',
    zh: '申报条件无法解析（{path}：{problem}）',
    en: 'The eligibility conditions do not parse ({path}: {problem})',
  },
  'policies.not_found': { kind: 'not_found', zh: '政策不存在', en: 'No such policy' },
  'policies.application_not_found': { kind: 'not_found', zh: '政策申请不存在', en: 'No such policy application' },
  'policies.not_editable': { kind: 'conflict', zh: '只有草稿状态的政策可以修改', en: 'Only a draft policy can be edited' },
  'policies.bad_status': { kind: 'conflict', zh: '政策当前状态不允许该操作', en: 'The policy’s status does not allow this' },
  'policies.no_department': {
    kind: 'forbidden',
    zh: '须以监管部门身份发布和审核政策',
    en: 'Policies are issued and reviewed for a department',
  },
  'policies.not_open': { kind: 'conflict', zh: '政策不在申报期内', en: 'The policy is not open for applications' },
  'policies.not_eligible': {
    kind: 'conflict',
    zh: '不符合申报条件：{unmet}',
    en: 'Not eligible: {unmet}',
  },
  'policies.wrong_kind': {
    kind: 'forbidden',
    zh: '该政策不面向您的主体类型',
    en: 'This policy is not for applicants like you',
  },
  'policies.documents_missing': { kind: 'invalid', zh: '缺少申报材料：{types}', en: 'Documents missing: {types}' },
  'policies.already_applied': { kind: 'conflict', zh: '该政策已有进行中的申请', en: 'An application for this policy is already open' },
  'policies.amount_required': { kind: 'invalid', zh: '批准时须填写核定金额', en: 'Approving needs the amount granted' },
  'policies.amount_over_cap': { kind: 'invalid', zh: '核定金额超过政策上限', en: 'The amount exceeds the policy’s cap' },
  'policies.bad_window': { kind: 'invalid', zh: '申报截止时间须晚于开始时间', en: 'The application window ends before it starts' },
  'policies.bad_benefit': { kind: 'invalid', zh: '政策待遇不完整：{problem}', en: 'The benefit is incomplete: {problem}' },
  'db.unavailable': { kind: 'unavailable', zh: '数据库暂不可用', en: 'The database is unavailable' },
  'db.busy': { kind: 'unavailable', zh: '系统繁忙，请稍后重试', en: 'The system is busy: try again in a moment' },
  'server.overloaded': {
    kind: 'unavailable',
    zh: '服务器繁忙，请 {seconds} 秒后重试',
    en: 'The server is overloaded: try again in {seconds} s',
  },
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
  'supply.bad_supplier': {
    kind: 'invalid',
    zh: '供应商须为服务机构或其他商家',
    en: 'A supplier must be a service provider or another merchant',
  },
  'supply.not_your_product': { kind: 'invalid', zh: '只能为本店商品指定供应商', en: 'Only your own products can be given a supplier' },
  'supply.link_not_found': { kind: 'not_found', zh: '供应商关系不存在', en: 'No such supplier link' },
  'supply.session_not_found': {
    kind: 'not_found',
    zh: '直播场次不存在或无可查看的商品',
    en: 'No such session, or nothing on it you may see',
  },
  'supply.alert_not_found': { kind: 'not_found', zh: '需求预警不存在', en: 'No such demand alert' },
  'supply.no_supplier': { kind: 'invalid', zh: '该商品尚未指定供应商', en: 'The product has no supplier yet' },
  'supply.supplier_required': {
    kind: 'invalid',
    zh: '该商品有多个供应商，请选择一个',
    en: 'The product has several suppliers: choose one',
  },
  'supply.replenishment_exists': {
    kind: 'conflict',
    zh: '该预警已向此供应商发起补货',
    en: 'That alert already has a replenishment request to this supplier',
  },
  'supply.replenishment_not_found': { kind: 'not_found', zh: '补货申请不存在', en: 'No such replenishment request' },
  'supply.replenishment_state': {
    kind: 'conflict',
    zh: '补货申请当前状态不允许此操作',
    en: 'The replenishment request is not in a state that allows this',
  },
  'supply.po_not_found': { kind: 'not_found', zh: '采购单不存在', en: 'No such purchase order' },
  'supply.po_state': { kind: 'conflict', zh: '采购单当前状态不允许此操作', en: 'The purchase order is not in a state that allows this' },
  'supply.po_expected_past': { kind: 'invalid', zh: '预计到货日期不能早于今天', en: 'The expected arrival date cannot be before today' },
  'supply.po_bad_line': {
    kind: 'invalid',
    zh: '采购单行无效：行号不存在或重复、同一规格重复，或数量为零',
    en: 'Invalid purchase order line: an unknown or repeated line or SKU, or nothing on it',
  },
  'supply.not_supplied': {
    kind: 'invalid',
    zh: '该供应商未被指定供应此商品',
    en: 'That supplier is not named as a supplier of this product',
  },
  'supply.not_your_supplier': {
    kind: 'invalid',
    zh: '该机构不是本店的供应商，请先在「供应商」中添加',
    en: 'That organization is not one of your suppliers: add it under Suppliers first',
  },
  'supply.replenishment_other_supplier': {
    kind: 'invalid',
    zh: '该补货申请发给了其他供应商',
    en: 'That replenishment request went to another supplier',
  },
  'supply.over_receipt': {
    kind: 'invalid',
    zh: '收货数量超过采购数量，请填写差异说明',
    en: 'More received than ordered: give a reason for the difference',
  },
  'supply.replenishment_ordered': {
    kind: 'conflict',
    zh: '该补货申请已生成采购单',
    en: 'That replenishment request already has a purchase order',
  },
  'supply.demand_stream_accept': {
    kind: 'invalid',
    zh: '实时需求须以 text/event-stream 方式订阅',
    en: 'The live demand stream needs Accept: text/event-stream',
  },
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
  internal: { kind: 'internal', zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    // An expected refusal answered as a 4xx, named by its code and field: no stack trace is captured (a flash
    // sale refuses thousands a second, and capturing one is most of what creating the error costs).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(ERROR_CATALOGUE[code].en, { cause: opts.cause });
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details ?? {};
  }

  get kind(): ErrorKind {
    return ERROR_CATALOGUE[this.code].kind;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function errorMessage(code: ErrorCode, locale: 'zh-CN' | 'en-US', details: Record<string, unknown> = {}): string {
  const def: ErrorDef = ERROR_CATALOGUE[code];
  const template = locale === 'zh-CN' ? def.zh : def.en;
  // a detail may itself be bilingual ({ zh, en }): the caller's language is taken
  const text = (v: unknown): string =>
    typeof v === 'object' && v !== null && 'zh' in v && 'en' in v
      ? String((v as { zh: unknown; en: unknown })[locale === 'zh-CN' ? 'zh' : 'en'])
      : String(v);
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in details ? text(details[k]) : `{${k}}`));
}
