/**
 * Where an agreement's slot fee (坑位费) moves: the port the selection context calls, inside its own transaction, when
 * an agreement version comes into force (the merchant is charged) and when an agreement is terminated (a fee still
 * held before the start date goes back). The settlement context implements it (`SlotFeeService`); the agreement job
 * adds `SlotFeeScope` to its scope only to hand its transaction over (docs/contexts.md rule 2).
 */
import type { Repositories } from '../ports/repositories.ts';

export type SlotFeeScope = 'ledger' | 'settlement';
export type SlotFeeTx = Pick<Repositories, SlotFeeScope>;

export interface SlotFeeCharge {
  agreementId: string;
  version: number;
  merchantOrgId: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  slotFeeFen: number;
  /** the streamer's share when an MCN is party (bp); the MCN has the rest */
  streamerShareBp: number;
  /** the agreement's start: the fee is held until then */
  startsAt: Date;
}

export interface SlotFeeMoney {
  /** a version came into force: its slot fee is charged to the merchant and held (fees of earlier versions still held go back) */
  inForce(tx: SlotFeeTx, charge: SlotFeeCharge): Promise<void>;
  /** the agreement was terminated: a fee still held before its start date goes back to the merchant */
  terminated(tx: SlotFeeTx, agreementId: string, at: Date): Promise<void>;
}
