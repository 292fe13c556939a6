/** The workflows context's public entry: the approval engine, its definitions, and the ports the registry plugs in. */
export type { ActInput, ApplicationView, SubmitInput } from './application.service.ts';
export { definitionOf, GRANTED_STEPS, WORKFLOWS } from './workflow.definitions.ts';
export { availableActions, stepOf } from './workflow.engine.ts';
export type { ActingAs, AvailableAction } from './workflow.engine.ts';
export { WorkflowService } from './workflow.service.ts';
export { DocumentLookup } from './document-lookup.ts';
export type { WorkflowReads } from './document-lookup.ts';
export type { NamedApplicationView, WorkflowDeps } from './workflow.service.ts';
export type { WorkflowRepository } from './workflows.repository.ts';
export type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  ApplicationStatus,
  AutomaticResult,
  CreditInquiryPort,
  DepartmentReader,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
  WorkflowDefinition,
  WorkflowHooks,
} from './workflows.types.ts';
export { addCalendarDays, addWorkingDays, endOfDaysPeriod, isWorkingDay } from './working-days.ts';
