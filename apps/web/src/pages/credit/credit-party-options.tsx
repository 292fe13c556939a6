/**
 * The parties a platform admin picks by name — merchants, MCNs and live bases from the organizations, streamers from
 * the certified streamers — as Select options (searchable by name, each with a test id): 记录信用事件 and the members
 * of a 监管沙盒 use them.
 */
import type { CreditPartyKind } from '@livehub/contracts';
import { useI18n } from '../../i18n/index.ts';
import { useOrgs } from '../../queries/identity.ts';
import { usePublicStreamers } from '../../queries/registry.ts';
import { partyKindLabel } from './credit-labels.tsx';

/** The parties a platform admin may pick by name: merchants, MCNs, live bases and certified streamers. */
export function useCreditPartyOptions(preset: { partyId: string; partyName: string } | null) {
  const { t } = useI18n();
  const merchants = useOrgs('merchant');
  const mcns = useOrgs('mcn');
  const bases = useOrgs('live_base');
  const streamers = usePublicStreamers({ staleTime: 5 * 60_000 });
  const party = (id: string, name: string, kind: CreditPartyKind) => ({
    value: id,
    search: name,
    label: <span data-testid={`credit-party-${id}`}>{`${name}（${partyKindLabel(t, kind)}）`}</span>,
  });
  const options = [
    ...(merchants.data?.items ?? []).map((o) => party(o.id, o.name, 'merchant')),
    ...(mcns.data?.items ?? []).map((o) => party(o.id, o.name, 'mcn')),
    ...(bases.data?.items ?? []).map((o) => party(o.id, o.name, 'base')),
    ...(streamers.data?.items ?? []).map((s) => party(s.userId, s.displayName, 'streamer')),
  ];
  if (preset && !options.some((o) => o.value === preset.partyId))
    options.unshift({
      value: preset.partyId,
      search: preset.partyName,
      label: <span data-testid={`credit-party-${preset.partyId}`}>{preset.partyName}</span>,
    });
  return { options, loading: merchants.isPending || mcns.isPending || bases.isPending || streamers.isPending };
}
