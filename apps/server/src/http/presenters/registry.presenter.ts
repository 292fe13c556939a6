/**
 * The registry as the API shows it: registrations' answers, the public lists, and the regulators' CSV export
 * (Excel-friendly: BOM, Chinese labels, China time — csv.ts). Pure functions of what the registry returns.
 */
import type { ApplicationRecord, MaskedStreamer, RegistryExport } from '@livehub/core';
import {
  BASE_LEVEL_ZH,
  BASE_STATUS_ZH,
  chinaDate,
  chinaTime,
  csvDocument,
  labelOf,
  MERCHANT_CATEGORY_ZH,
  MERCHANT_STATUS_ZH,
  STREAMER_STATUS_ZH,
  STREAMER_TOPIC_ZH,
} from '../csv.ts';

/** What a registration that applies for approval answers: the application opened, and the organization when one was. */
export function presentRegistration(r: { application: ApplicationRecord; orgId?: string | null | undefined }) {
  return { applicationId: r.application.id, orgId: r.orgId ?? null, step: r.application.step, status: r.application.status };
}

/** A certified streamer on the public list: masked, without the ID number or the birth year. */
export function presentPublicStreamer(s: MaskedStreamer & { displayName: string }) {
  const { idNumber: _idNumber, birthYear: _birthYear, ...shown } = s;
  return { ...shown, displayName: s.displayName };
}

/** The rows of a regulator's export, a header row first, with Chinese labels. */
export function registryExportRows(e: RegistryExport): string[][] {
  switch (e.kind) {
    case 'bases':
      return [
        ['机构编号', '名称', '所在区', '面积(㎡)', '运营方', '级别', '状态', '认定有效期至'],
        ...e.rows.map((m) => [
          m.orgId,
          m.name ?? '',
          m.district,
          String(m.areaM2),
          m.operatorName,
          m.level ? BASE_LEVEL_ZH[m.level] : '',
          labelOf(BASE_STATUS_ZH, m.status),
          chinaDate(m.certifiedUntil),
        ]),
      ];
    case 'streamers':
      return [
        ['用户编号', '昵称', '姓名', '身份证号', '所属MCN', '直播领域', '数字人', '状态', '认证有效期至'],
        ...e.rows.map((m) => [
          m.userId,
          m.displayName,
          m.realName,
          m.idNumber,
          m.mcnName ?? '',
          m.topics.map((t) => labelOf(STREAMER_TOPIC_ZH, t)).join('、'),
          m.virtual ? '是' : '否',
          labelOf(STREAMER_STATUS_ZH, m.status),
          chinaDate(m.certifiedUntil),
        ]),
      ];
    case 'merchants':
      return [
        ['机构编号', '统一社会信用代码', '名称', '法定代表人', '联系电话', '经营类目', '保证金(元)', '状态', '入驻时间'],
        ...e.rows.map((m) => [
          m.orgId,
          m.creditCode,
          m.legalName,
          m.legalRepresentative,
          m.contactPhone ?? '',
          m.categories.map((k) => labelOf(MERCHANT_CATEGORY_ZH, k)).join('、'),
          (m.depositFen / 100).toFixed(2),
          labelOf(MERCHANT_STATUS_ZH, m.status),
          chinaTime(m.createdAt),
        ]),
      ];
  }
}

/** The export as a CSV document. */
export function registryExportCsv(e: RegistryExport): string {
  return csvDocument(registryExportRows(e));
}
