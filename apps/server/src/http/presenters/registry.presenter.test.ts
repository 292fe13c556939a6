/** Registry presenters: the regulators' export rows and the public streamer list, pure. */
import type { MaskedStreamer } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { presentPublicStreamer, registryExportRows } from './registry.presenter.ts';

const streamer: MaskedStreamer = {
  userId: 'u1',
  realName: '林**',
  idNumber: '310***********123X',
  birthYear: 1995,
  mcnOrgId: 'm1',
  topics: ['beauty'],
  marketerLevel: null,
  virtual: false,
  operatorUserId: null,
  virtualLabel: null,
  status: 'certified',
  statusReason: null,
  certifiedUntil: '2027-03-01T16:00:00.000Z',
};

describe('registry presenters', () => {
  it('shows certified streamers publicly without their ID number or birth year', () => {
    const shown = presentPublicStreamer({ ...streamer, displayName: '小林' });
    expect(shown).toMatchObject({ userId: 'u1', displayName: '小林', realName: '林**', status: 'certified' });
    expect(shown).not.toHaveProperty('idNumber');
    expect(shown).not.toHaveProperty('birthYear');
  });

  it('exports rows with Chinese headers and labels, the MCN by name and dates in China time', () => {
    const rows = registryExportRows({ kind: 'streamers', rows: [{ ...streamer, displayName: '小林', mcnName: '星光MCN' }] });
    expect(rows[0]?.[0]).toBe('用户编号');
    expect(rows[1]).toEqual(['u1', '小林', '林**', '310***********123X', '星光MCN', expect.any(String), '否', '已认证', '2027-03-02']);
    const merchants = registryExportRows({
      kind: 'merchants',
      rows: [
        {
          orgId: 'o1',
          creditCode: '91310000MA1FL0000X',
          legalName: '某食品公司',
          legalRepresentative: '李*',
          contactPhone: '139****1234',
          address: null,
          categories: [],
          depositFen: 1_000_050,
          status: 'admitted',
          statusReason: null,
          createdAt: new Date('2026-03-01T00:00:00Z'),
        },
      ],
    });
    expect(merchants[1]).toEqual([
      'o1',
      '91310000MA1FL0000X',
      '某食品公司',
      '李*',
      '139****1234',
      '',
      '10000.50',
      '已入驻',
      '2026-03-01 08:00:00',
    ]);
    expect(registryExportRows({ kind: 'bases', rows: [] })).toHaveLength(1);
  });
});
