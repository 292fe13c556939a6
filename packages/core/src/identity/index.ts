export * from './identity.service.ts';
export * from './organization.service.ts';
export * from './workbench.service.ts';
export * from './identity.types.ts';
export * from './presenters.ts';
export * from './import.service.ts';
export * from './invitation.service.ts';
export * from './membership-rules.ts';
