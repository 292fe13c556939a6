/** The selection center's public entry: its services, records, inputs and views, the repository port and rules. */
export type { AgreementDeps } from './agreement.service.ts';
export { AgreementService, agreementHash } from './agreement.service.ts';
export type { CatalogReader } from './pool.service.ts';
export type { SampleCarrier, SampleCarrierTx, SamplePackageView } from './sample-carrier.port.ts';
export type { SampleDeps, SampleService } from './sample.service.ts';
export { mayReadSample, nextSampleStatus, OPEN_SAMPLE, partyScope, SAMPLE_FLOW, samplePartyOf } from './sample-flow.ts';
export { documentTokens, queryTokens } from './search-tokens.ts';
export { SessionSelection } from './session-selection.ts';
export type { SessionSelectionTx } from './session-selection.ts';
export type { SelectionRepository } from './selection.repository.ts';
export type { ImageReader, LiveSaleReader, ProductReader, SelectionDeps } from './selection.service.ts';
export { DEFAULT_SELECTION_SETTINGS, SelectionService } from './selection.service.ts';
export type * from './selection.types.ts';
export type { SlotFeeCharge, SlotFeeMoney, SlotFeeScope, SlotFeeTx } from './slot-fee.port.ts';
