import { describe, expect, it } from 'vitest';
import {
  listingGateReasons,
  liveGateReasons,
  maskBase,
  maskMerchant,
  maskName,
  maskStreamer,
  missingCategoryQualification,
  streamerDocumentProblem,
  uploadErrorCode,
} from './registry.rules.ts';
import type { BaseProfileRecord, MerchantProfileRecord, QualificationRecord, StreamerProfileRecord } from './registry.types.ts';

const at = new Date('2026-06-01T00:00:00Z');
const plain = (s: string) => s.replace(/^enc:/, '');

function streamer(over: Partial<StreamerProfileRecord> = {}): StreamerProfileRecord {
  return {
    userId: 'u1',
    realNameEnc: 'enc:张三丰',
    idNumberEnc: 'enc:11010519491231002X',
    idNumberIndex: 'ix',
    birthYear: 1949,
    mcnOrgId: null,
    topics: ['beauty'],
    marketerLevel: null,
    virtual: 'no',
    operatorUserId: null,
    virtualLabel: null,
    status: 'certified',
    statusReason: null,
    certifiedUntil: new Date('2027-01-01T00:00:00Z'),
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

function merchant(over: Partial<MerchantProfileRecord> = {}): MerchantProfileRecord {
  return {
    orgId: 'o1',
    creditCode: '91310000MA1FL0000X',
    legalName: '某某食品有限公司',
    legalRepresentative: '李四',
    contactPhoneEnc: 'enc:13800138000',
    addressEnc: 'enc:上海市浦东新区世纪大道100号',
    categories: ['food'],
    depositFen: 100_000,
    status: 'admitted',
    statusReason: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

const qualification = (status: QualificationRecord['status'], type = 'food_licence'): QualificationRecord => ({
  id: `q-${type}`,
  ownerOrgId: 'o1',
  ownerUserId: null,
  type,
  number: null,
  documentId: null,
  issuedAt: null,
  expiresAt: null,
  status,
  createdAt: at,
});

describe('registry rules', () => {
  it('masks a name down to its surname, at most three stars', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('*');
  });

  it('names the error of every refused upload', () => {
    expect(uploadErrorCode('empty')).toBe('document.empty');
    expect(uploadErrorCode('too_large')).toBe('document.too_large');
    expect(uploadErrorCode('type_mismatch')).toBe('document.type_mismatch');
    expect(uploadErrorCode('malformed')).toBe('document.malformed');
    expect(uploadErrorCode('unsupported_type')).toBe('document.unsupported_type');
  });

  it('asks food and cosmetics merchants for their licence or filing', () => {
    expect(missingCategoryQualification(['food'], [])).toEqual({ category: '食品', document: 'food_licence' });
    expect(missingCategoryQualification(['cosmetics'], [{ id: 'd', docType: 'food_licence' }])).toEqual({
      category: '化妆品',
      document: 'cosmetics_filing',
    });
    expect(missingCategoryQualification(['food', 'agri'], [{ id: 'd', docType: 'food_licence' }])).toBeNull();
    expect(missingCategoryQualification(['apparel'], [])).toBeNull();
  });

  it('refuses streamers under 16, and asks for consent, licences and a digital human’s likeness consent', () => {
    const base = { topics: [] as string[], documents: [], virtual: false };
    expect(streamerDocumentProblem({ ...base, ageRule: 'refused_under_16' })?.code).toBe('registry.under_16');
    expect(streamerDocumentProblem({ ...base, ageRule: 'guardian_consent_required' })?.code).toBe('registry.guardian_consent_required');
    expect(
      streamerDocumentProblem({ ...base, ageRule: 'guardian_consent_required', documents: [{ id: 'g', docType: 'guardian_consent' }] }),
    ).toBeNull();
    expect(streamerDocumentProblem({ ...base, ageRule: 'adult', topics: ['medicine'] })).toEqual({
      code: 'registry.professional_licence_required',
      field: 'documents',
      topic: '医疗卫生',
    });
    expect(streamerDocumentProblem({ ...base, ageRule: 'adult', virtual: true, likenessConsentDocId: 'x' })).toEqual({
      code: 'registry.virtual_operator_required',
      field: 'virtual.likenessConsentDocId',
    });
    expect(
      streamerDocumentProblem({
        ...base,
        ageRule: 'adult',
        virtual: true,
        likenessConsentDocId: 'x',
        documents: [{ id: 'x', docType: 'likeness_consent' }],
      }),
    ).toBeNull();
  });

  it('lets a certified streamer go live until the certification lapses, a digital human only with its label', () => {
    expect(liveGateReasons(null, at)).toEqual(['not_registered']);
    expect(liveGateReasons(streamer(), at)).toEqual([]);
    expect(liveGateReasons(streamer({ status: 'suspended' }), at)).toEqual(['status_suspended']);
    expect(liveGateReasons(streamer({ certifiedUntil: at }), at)).toEqual(['certification_expired']);
    expect(liveGateReasons(streamer({ virtual: 'yes', operatorUserId: 'op' }), at)).toEqual(['virtual_label_missing']);
  });

  it('lets an admitted merchant list unless a qualification has expired', () => {
    expect(listingGateReasons(null, [])).toEqual(['not_registered']);
    expect(listingGateReasons(merchant(), [qualification('valid'), qualification('expiring')])).toEqual([]);
    expect(listingGateReasons(merchant({ status: 'pending' }), [qualification('expired')])).toEqual([
      'status_pending',
      'qualification_expired:food_licence',
    ]);
  });

  it('masks profiles for lists and exports', () => {
    const s = maskStreamer(streamer(), plain);
    expect(s.realName).toBe('张**');
    expect(s.idNumber).not.toContain('19491231');
    expect(s.certifiedUntil).toBe('2027-01-01T00:00:00.000Z');
    const m = maskMerchant(merchant({ addressEnc: null }), plain);
    expect(m.legalRepresentative).toBe('李*');
    expect(m.contactPhone).not.toBe('13800138000');
    expect(m.address).toBeNull();
    const b: BaseProfileRecord & { name: string } = {
      orgId: 'b1',
      name: '某基地',
      addressEnc: 'enc:上海市浦东新区世纪大道100号',
      district: 'pudong',
      areaM2: 2000,
      operatorName: '王五六',
      focus: null,
      level: 'municipal',
      status: 'certified',
      certifiedUntil: null,
      createdAt: at,
      updatedAt: at,
    };
    const mb = maskBase(b, plain);
    expect(mb).toMatchObject({ orgId: 'b1', name: '某基地', operatorName: '王**', level: 'municipal', certifiedUntil: null });
    expect(mb.address).not.toBe('上海市浦东新区世纪大道100号');
  });
});
